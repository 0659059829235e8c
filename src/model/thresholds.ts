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

const HOUR = 3_600_000;

// Disk 90% crit matches the kubelet's default hard eviction (nodefs.available < 10%). CPU swings
// with every batch job, so it alerts only after half a minute; the rest at once. Filling within 4 h
// warns and within 1 h is crit, the idea of the NodeFilesystemSpaceFillingUp runbook. Pressure has
// no line that suits every workload (a batch node lives at CPU pressure), so it alerts only when
// asked to. A container throttled in a quarter of its periods is visibly slower.
export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu: { warn: 70, crit: 90, forMs: 30_000 },
  memory: { warn: 80, crit: 90 },
  disk: { warn: 80, crit: 90 },
  fill: { warnMs: 4 * HOUR, critMs: HOUR },
  pressure: null,
  throttling: { warn: 25, crit: 50 },
  ephemeral: { warn: 80, crit: 90 },
  inodes: { warn: 80, crit: 90 },
  pids: { warn: 80, crit: 90 },
};

/** Time to full within crit is crit, within warn is warn; never filling (null) raises nothing. */
export function fillLevel(msLeft: number | null, fill: FillThreshold): Level {
  if (msLeft === null) return 'ok';
  if (msLeft <= fill.critMs) return 'crit';
  if (msLeft <= fill.warnMs) return 'warn';
  return 'ok';
}

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
  const lines = {
    cpu: thresholds.cpu,
    memory: thresholds.memory,
    disk: thresholds.disk,
    pressure: thresholds.pressure,
    throttling: thresholds.throttling,
    ephemeral: thresholds.ephemeral,
    inodes: thresholds.inodes,
    pids: thresholds.pids,
  };
  for (const [name, t] of Object.entries(lines)) {
    if (t === null) continue;
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
