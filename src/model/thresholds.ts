import type { Level } from './levels.js';

export interface Threshold {
  readonly warn: number;
  readonly crit: number;
}

export interface Thresholds {
  readonly cpu: Threshold;
  readonly memory: Threshold;
  readonly disk: Threshold;
  /** Pressure stall (PSI some avg10, %); null: shown, never alerting (the default). */
  readonly pressure: Threshold | null;
  /** A pod's most throttled container: % of its CFS periods throttled. */
  readonly throttling: Threshold;
  /** A pod's ephemeral storage: % of its limit (else its request). */
  readonly ephemeral: Threshold;
  /** A node's inodes used, node and image filesystems. */
  readonly inodes: Threshold;
  /** A node's processes against its PID limit. */
  readonly pids: Threshold;
}

// Disk 90% crit matches the kubelet's default hard eviction (nodefs.available < 10%). Pressure has
// no line that suits every workload (a batch node lives at CPU pressure), so it alerts only when
// asked to. A container throttled in a quarter of its periods is visibly slower.
export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu: { warn: 70, crit: 90 },
  memory: { warn: 80, crit: 90 },
  disk: { warn: 80, crit: 90 },
  pressure: null,
  throttling: { warn: 25, crit: 50 },
  ephemeral: { warn: 80, crit: 90 },
  inodes: { warn: 80, crit: 90 },
  pids: { warn: 80, crit: 90 },
};

/**
 * Pressure alerts are off until a line is given: one of warn or crit turns them on (warn alone
 * never goes crit below 100%; crit alone warns at the same line).
 */
export function pressureThreshold(warn: number | undefined, crit: number | undefined, base: Threshold | null): Threshold | null {
  if (warn === undefined && crit === undefined) return base;
  return { warn: warn ?? crit ?? base?.warn ?? 0, crit: crit ?? Math.max(100, warn ?? 0) };
}

/** At or over crit is crit, at or over warn is warn; an unknown figure (or no threshold) raises nothing. */
export function levelOf(percent: number | null, threshold: Threshold | null): Level {
  if (percent === null || Number.isNaN(percent) || threshold === null) return 'ok';
  if (percent >= threshold.crit) return 'crit';
  if (percent >= threshold.warn) return 'warn';
  return 'ok';
}

/** Reasons a threshold pair is unusable, e.g. "cpu: warn 95 is above crit 90"; empty when valid. */
export function thresholdProblems(thresholds: Thresholds): string[] {
  const problems: string[] = [];
  for (const [name, t] of Object.entries(thresholds) as [string, Threshold | null][]) {
    if (t === null) continue;
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
