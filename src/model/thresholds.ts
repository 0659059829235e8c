import type { Level } from './levels.js';

export interface Threshold {
  readonly warn: number;
  readonly crit: number;
  /** How long a figure must stay over the line before its alert fires, as a Prometheus rule's `for:` (default 0). */
  readonly forMs?: number;
}

/** How soon a resource projected to fill up is an alert: within warnMs warn, within critMs crit. */
export interface FillThreshold {
  readonly warnMs: number;
  readonly critMs: number;
}

export interface Thresholds {
  readonly cpu: Threshold;
  readonly memory: Threshold;
  readonly disk: Threshold;
  readonly fill: FillThreshold;
}

const HOUR = 3_600_000;

// Disk 90% crit matches the kubelet's default hard eviction (nodefs.available < 10%). CPU swings
// with every batch job, so it alerts only after half a minute; the rest at once. Filling within 4 h
// warns and within 1 h is crit, the idea of the NodeFilesystemSpaceFillingUp runbook.
export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu: { warn: 70, crit: 90, forMs: 30_000 },
  memory: { warn: 80, crit: 90 },
  disk: { warn: 80, crit: 90 },
  fill: { warnMs: 4 * HOUR, critMs: HOUR },
};

/** Time to full within crit is crit, within warn is warn; never filling (null) raises nothing. */
export function fillLevel(msLeft: number | null, fill: FillThreshold): Level {
  if (msLeft === null) return 'ok';
  if (msLeft <= fill.critMs) return 'crit';
  if (msLeft <= fill.warnMs) return 'warn';
  return 'ok';
}

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
  for (const [name, t] of Object.entries({ cpu: thresholds.cpu, memory: thresholds.memory, disk: thresholds.disk })) {
    for (const [which, value] of [
      ['warn', t.warn],
      ['crit', t.crit],
    ] as const) {
      if (!Number.isFinite(value) || value < 0) problems.push(`${name}: ${which} must be a number ≥ 0, got ${value}`);
    }
    if (t.warn > t.crit) problems.push(`${name}: warn ${t.warn} is above crit ${t.crit}`);
    if (t.forMs !== undefined && !(t.forMs >= 0)) problems.push(`${name}: for must be a duration ≥ 0`);
  }
  const { warnMs, critMs } = thresholds.fill;
  if (!(critMs > 0 && warnMs > 0)) problems.push('fill: warn and crit must be durations > 0');
  else if (critMs > warnMs) problems.push('fill: crit must be the shorter time (full within it is worse)');
  return problems;
}
