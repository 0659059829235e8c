import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.js';

// What the run needs from the machine, checked before anything starts, each missing piece named
// in one line with the way to get it: the browser is deliberately not an npm dependency.

const output = (command: string, args: readonly string[]): string | null => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
};

/** The Chromium to use, or the one-line reason the run cannot go ahead. */
export function preflight(env: NodeJS.ProcessEnv): { chromium: string } | { problem: string } {
  const chromium = findChromium(env);
  if (!chromium) {
    return {
      problem: `no Chromium at ${env.CHROMIUM || '/usr/bin/chromium'}: install Debian's with \`apt-get install -y chromium fonts-dejavu-core\`, or set CHROMIUM=/path/to/chromium`,
    };
  }
  if (output('tmux', ['-V']) === null) return { problem: 'tmux is not on PATH: install it with `apt-get install -y tmux`' };
  // Without it Chromium would quietly fall back to a font whose cells and glyphs are not the ones the pages are sized for.
  if (!output('fc-list', ['DejaVu Sans Mono'])?.trim()) {
    return { problem: 'the DejaVu Sans Mono font is missing: install it with `apt-get install -y fonts-dejavu-core`' };
  }
  return { chromium };
}
