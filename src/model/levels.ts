// Severity lives in the model; only ui/theme and output know how a level looks.

export type Level = 'ok' | 'warn' | 'crit';

const RANK: Readonly<Record<Level, number>> = { ok: 0, warn: 1, crit: 2 };

export function levelRank(level: Level): number {
  return RANK[level];
}

export function worstLevel(...levels: readonly Level[]): Level {
  let worst: Level = 'ok';
  for (const level of levels) if (RANK[level] > RANK[worst]) worst = level;
  return worst;
}
