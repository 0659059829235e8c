// Runs `kmon status` as tmux would (output to a pipe), each caller with its own cache directory,
// and measures lines as a terminal shows them.
import { cpSync } from 'node:fs';
import stringWidth from 'string-width';
import { kmon, type Ran } from './cli.js';
import { tempDir } from './temp-dir.js';

/** A UTF-8 locale and no tmux, whatever the machine running the tests has. */
export const PLAIN_ENV: NodeJS.ProcessEnv = { LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: '', TMUX: '', NO_COLOR: '' };

/** A fresh $XDG_CACHE_HOME, or a copy of `from`. */
export function cacheHome(from?: string): string {
  const dir = tempDir('kmon-status-');
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
}

export function status(kubeconfig: string, cache: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return kmon(['status', '--kubeconfig', kubeconfig, ...args], { ...PLAIN_ENV, XDG_CACHE_HOME: cache, ...env });
}

/** The line as a terminal or tmux's status bar shows it: colour codes gone, tmux's ## read as #. */
export function visible(line: string): string {
  return line
    .replace(/\u001B\[[0-9;]*m/g, '')
    .replace(/#\[[^\]]*\]/g, '')
    .replaceAll('##', '#');
}

export function visibleWidth(line: string): number {
  return stringWidth(visible(line));
}
