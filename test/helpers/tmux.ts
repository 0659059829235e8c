// A real terminal for end-to-end tests: a tmux server on a private socket, read back with
// capture-pane -e (colours included) and driven with send-keys, as a person at a keyboard would.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';

const exec = promisify(execFile);

// A server that was just told to exit may still hold its socket, so no name is reused.
let started = 0;

export class Tmux {
  private constructor(private readonly socket: string) {}

  /**
   * A detached session running `sh` in a width×height window, with `env` for everything started in
   * it, once the shell shows its prompt: text typed before that is echoed ahead of the prompt, which
   * then lands at the start of the command's first line of output.
   */
  static async start(name: string, width: number, height: number, env: NodeJS.ProcessEnv = {}): Promise<Tmux> {
    const socket = `kmon-${name}-${process.pid}-${++started}`;
    const tmux = new Tmux(socket);
    await exec(
      'tmux',
      ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(width), '-y', String(height), 'sh'],
      {
        env: { ...process.env, PS1: '$ ', ...env },
      },
    );
    await tmux.waitFor((screen) => screen.trim() !== '', 10_000, 'the shell prompt');
    return tmux;
  }

  private async tmux(...args: string[]): Promise<string> {
    const { stdout } = await exec('tmux', ['-L', this.socket, ...args]);
    return stdout;
  }

  /** Named keys (Enter, Tab, Escape, C-c) or literal text with `literal`. */
  async send(keys: readonly string[], literal = false): Promise<void> {
    await this.tmux('send-keys', '-t', 'main', ...(literal ? ['-l'] : []), ...keys);
  }

  async type(text: string): Promise<void> {
    await this.send([text], true);
  }

  /** The screen as shown, with colours as SGR escape sequences. */
  capture(): Promise<string> {
    return this.tmux('capture-pane', '-e', '-p', '-t', 'main');
  }

  /** A tmux format value of the pane, e.g. #{alternate_on}. */
  async display(format: string): Promise<string> {
    return (await this.tmux('display-message', '-p', '-t', 'main', format)).trim();
  }

  /** Appends every byte the pane's program writes, escape sequences and all, to `file`. */
  async record(file: string): Promise<void> {
    await this.tmux('pipe-pane', '-t', 'main', '-o', `cat >> '${file}'`);
  }

  async resize(width: number, height: number): Promise<void> {
    await this.tmux('resize-window', '-t', 'main', '-x', String(width), '-y', String(height));
  }

  /** Polls the screen until `ready` holds for it; fails with the last screen after `timeoutMs`. */
  async waitFor(ready: (screen: string) => boolean, timeoutMs = 15_000, what = 'the expected screen'): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = await this.capture();
      if (ready(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}; screen was:\n${screen}`);
  }

  async kill(): Promise<void> {
    const socketPath = await this.display('#{socket_path}').catch(() => '');
    await this.tmux('kill-server').catch(() => undefined);
    // A killed server leaves its socket file behind.
    if (socketPath) rmSync(socketPath, { force: true });
  }
}

export const stripSgr = (text: string) => text.replace(/\u001B\[[0-9;:]*m/g, '');
