import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

// A tmux server on a private socket and with no config file (-f /dev/null), so neither the
// user's tmux nor their ~/.tmux.conf can change what is captured.

export interface SessionSpec {
  readonly cols: number;
  readonly rows: number;
  /** Run by the session's first pane, through sh. */
  readonly command: string;
  /** The environment of the server, and so of everything it starts. */
  readonly env: NodeJS.ProcessEnv;
  /** Server and session options set before the first pane starts (default-terminal must be). */
  readonly options?: readonly (readonly [string, string])[];
}

export class TmuxServer {
  /** An uncaught error ends the process without running any finally: the server, and the kmon
   *  in it, must not outlive the run all the same. */
  private readonly killOnExit = () => {
    try {
      execFileSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  };

  private constructor(
    readonly socket: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    process.once('exit', this.killOnExit);
  }

  /** Starts the server with one detached session, `main`. */
  static async start(name: string, spec: SessionSpec): Promise<TmuxServer> {
    const server = new TmuxServer(`kmon-shots-${name}-${process.pid}`, spec.env);
    const options = (spec.options ?? []).flatMap(([option, value]) => ['set-option', '-g', option, value, ';']);
    await server.run(
      'start-server',
      ';',
      ...options,
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      String(spec.cols),
      '-y',
      String(spec.rows),
      spec.command,
    );
    return server;
  }

  async run(...args: string[]): Promise<string> {
    const { stdout } = await exec('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { env: this.env });
    return stdout;
  }

  /** A pane's screen as shown, colours as SGR sequences. */
  capture(target = 'main'): Promise<string> {
    return this.run('capture-pane', '-e', '-p', '-t', target);
  }

  /** Presses keys, by tmux's names for them (Enter, Escape, C-c) or as single characters. */
  async keys(target: string, ...keys: string[]): Promise<void> {
    await this.run('send-keys', '-t', target, ...keys);
  }

  /** Types text literally, no key names. */
  async type(target: string, text: string): Promise<void> {
    await this.run('send-keys', '-t', target, '-l', text);
  }

  /** Types a command line into a shell pane and runs it. */
  async enter(target: string, text: string): Promise<void> {
    await this.type(target, text);
    await this.keys(target, 'Enter');
  }

  /** A tmux format's value for a target, e.g. `#{pane_width}x#{pane_height}`. */
  async display(target: string, format: string): Promise<string> {
    return (await this.run('display-message', '-p', '-t', target, format)).trim();
  }

  /** Polls a pane until `ready` holds for its screen; fails with that screen after `timeoutMs`. */
  waitFor(target: string, what: string, ready: (screen: string) => boolean, timeoutMs = 60_000): Promise<string> {
    return until(what, () => this.capture(target), ready, timeoutMs);
  }

  async kill(): Promise<void> {
    process.off('exit', this.killOnExit);
    // Killing a server whose last pane already exited finds nothing to kill; that is fine.
    await this.run('kill-server').catch(() => undefined);
  }
}

/** Reads until `ready` holds for what was read, and returns that; after `timeoutMs`, fails showing the last read. */
export async function until<T>(what: string, read: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen:\n${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
