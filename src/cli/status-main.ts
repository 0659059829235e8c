// The entry bin/kmon.js tries first for `kmon status`, which tmux runs every few seconds: bundled on
// its own (CommonJS, see scripts/build.ts) with only what a status line needs, and without
// commander, so it starts nearly as fast as Node itself.
import { runFace } from './run-face.js';
import { runStatus } from './status/run-status.js';
import { statusFlags } from './status/status-argv.js';

/**
 * Runs `kmon status ARGS` and answers true, or answers false at once for a command line that needs
 * commander (--help, a mistake), which bin/kmon.js then hands to the full program.
 */
export function startStatus(args: readonly string[]): boolean {
  const flags = statusFlags(args, process.env);
  if (!flags) return false;
  void runFace(() => runStatus(flags));
  return true;
}
