import { CHECK_STATE } from '../output/check-report.js';
import { oneLine } from './run-face.js';
import { UsageError } from './usage-error.js';

// `kmon check` follows the Nagios/Icinga plugin convention, so cron and monitoring systems can tell
// a critical cluster from a typo: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN, with one line on stdout
// that starts with the state.

export const CHECK_EXIT = { ok: 0, warn: 1, crit: 2, unknown: 3 } as const;

/** Prints UNKNOWN for `why` (bad input, a cluster that cannot be read), as a line or as JSON, and returns its status. */
export function checkUnknown(why: string, json = false): number {
  process.stdout.write(json ? `${JSON.stringify({ level: 'unknown', error: why, alerts: [] })}\n` : `${CHECK_STATE.unknown}: ${why}\n`);
  return CHECK_EXIT.unknown;
}

/** UNKNOWN for anything that stopped the check: bad input, a broken kubeconfig, a fault of kmon's. */
export function checkFailure(error: unknown, json = false): number {
  return checkUnknown(error instanceof UsageError ? `bad input: ${oneLine(error)}` : oneLine(error), json);
}
