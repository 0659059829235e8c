import type { Level } from './levels.js';

export interface Threshold {
  readonly warn: number;
  readonly crit: number;
}

export interface Thresholds {
  readonly cpu: Threshold;
  readonly memory: Threshold;
  readonly disk: Threshold;
}

// Disk 90% crit matches the kubelet's default hard eviction (nodefs.available < 10%).
export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu: { warn: 70, crit: 90 },
  memory: { warn: 80, crit: 90 },
  disk: { warn: 80, crit: 90 },
};

/** At or over crit is crit, at or over warn is warn; an unknown figure raises nothing. */
export function levelOf(percent: number | null, threshold: Threshold): Level {
  if (percent === null || Number.isNaN(percent)) return 'ok';
  if (percent >= threshold.crit) return 'crit';
  if (percent >= threshold.warn) return 'warn';
  return 'ok';
}

/** Reasons a threshold pair is unusable, e.g. "cpu: warn 95 is above crit 90"; empty when valid. */
export function thresholdProblems(thresholds: Thresholds): string[] {
  const problems: string[] = [];
  for (const [name, t] of Object.entries(thresholds) as [string, Threshold][]) {
    for (const [which, value] of [
      ['warn', t.warn],
      ['crit', t.crit],
    ] as const) {
      if (!Number.isFinite(value) || value < 0) problems.push(`${name}: ${which} must be a number ≥ 0, got ${value}`);
    }
    if (t.warn > t.crit) problems.push(`${name}: warn ${t.warn} is above crit ${t.crit}`);
  }
  return problems;
}
