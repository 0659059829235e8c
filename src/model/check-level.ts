import type { Level } from './levels.js';

/** A check's verdict: a level, or unknown when the cluster could not be judged (not read at all). */
export type CheckLevel = Level | 'unknown';

// Across clusters, as Nagios aggregators rank states (check_cluster, Icinga's worst-state rules): a
// cluster known to be critical outranks one that could not be read, and an unreadable cluster
// outranks warnings, since whatever it hides may be worse.
const FLEET_RANK: Readonly<Record<CheckLevel, number>> = { ok: 0, warn: 1, unknown: 2, crit: 3 };

export function checkRank(level: CheckLevel): number {
  return FLEET_RANK[level];
}

/** The verdict of a fleet: the worst of its clusters', CRITICAL above UNKNOWN above WARNING. */
export function worstCheckLevel(levels: Iterable<CheckLevel>): CheckLevel {
  let worst: CheckLevel = 'ok';
  for (const level of levels) if (FLEET_RANK[level] > FLEET_RANK[worst]) worst = level;
  return worst;
}
