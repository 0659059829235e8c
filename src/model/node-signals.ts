import type { Figure } from './figure.js';
import { type Level, worstLevel } from './levels.js';
import type { NetworkRates } from './network-rates.js';
import { type Pressure, pressureText, worstPressure } from './pressure.js';
import type { FsUsage, NodeUsage, ProcessCount } from './records.js';
import type { FetchedSummary, MetricsSource } from './snapshot.js';
import { levelOf, type Threshold, type Thresholds } from './thresholds.js';

/** What the kubelet says of a node beyond CPU, memory and bytes of disk; each null where not reported. */
export interface NodeSignals {
  readonly pressure: Pressure | null;
  /** The pressure alert, when pressure thresholds are set. */
  readonly pressureLevel: Level;
  readonly inodes: Figure | null;
  /** The image filesystem's inodes, when it is a filesystem of its own. */
  readonly imageInodes: Figure | null;
  readonly pids: Figure | null;
  readonly network: NetworkRates | null;
  /** Where the node's CPU and memory came from, and when its cAdvisor was last read (throttling). */
  readonly sources: NodeSources;
  readonly level: Level;
  readonly reasons: readonly string[];
}

export interface NodeSources {
  readonly usage: 'Metrics API' | '/stats/summary' | '/metrics/resource' | null;
  readonly cadvisorAt: number | null;
}

/** How rows and alerts word these, alike: "inodes at 93%", "PIDs at 85%". */
export const figureText = (label: string, percent: number | null) => `${label} at ${Math.trunc(percent ?? 0)}%`;

/** Inodes in use (all less free), as the kubelet's nodefs.inodesFree eviction signal sees them. */
export function inodesFigure(fs: FsUsage | null | undefined, threshold: Threshold): Figure | null {
  const total = fs?.inodes;
  const free = fs?.inodesFree;
  if (total == null || free == null || !(total > 0) || free > total) return null;
  const used = total - free;
  const percent = (used / total) * 100;
  return { used, total, percent, level: levelOf(percent, threshold) };
}

export function pidsFigure(processes: ProcessCount | null | undefined, threshold: Threshold): Figure | null {
  if (!processes) return null;
  const percent = (processes.used / processes.max) * 100;
  return { used: processes.used, total: processes.max, percent, level: levelOf(percent, threshold) };
}

// Most nodes keep images on the root filesystem: the kubelet then reports its inodes twice.
function ownInodes(fs: FsUsage | null, image: FsUsage | null): boolean {
  return image !== null && (fs === null || image.inodes !== fs.inodes || image.inodesFree !== fs.inodesFree);
}

/** Where CPU and memory came from: the Metrics API, or the kubelet endpoint that stood in for it. */
export function usageSource(usage: NodeUsage | null, source: MetricsSource): NodeSources['usage'] {
  if (!usage || source === 'none') return null;
  if (source === 'metrics-api') return 'Metrics API';
  return usage.from === 'resource' ? '/metrics/resource' : '/stats/summary';
}

export function nodeSignals(fetched: FetchedSummary | null, thresholds: Thresholds, sources: NodeSources): NodeSignals {
  const summary = fetched?.summary ?? null;
  const pressure = summary?.pressure ?? null;
  const worst = worstPressure(pressure);
  const pressureLevel = levelOf(worst?.percent ?? null, thresholds.pressure);
  const inodes = inodesFigure(summary?.fs, thresholds.inodes);
  const imageInodes = summary && ownInodes(summary.fs, summary.imageFs) ? inodesFigure(summary.imageFs, thresholds.inodes) : null;
  const pids = pidsFigure(summary?.processes, thresholds.pids);
  const reasons: string[] = [];
  for (const [label, figure] of [
    ['inodes', inodes],
    ['image fs inodes', imageInodes],
    ['PIDs', pids],
  ] as const) {
    if (figure && figure.level !== 'ok') reasons.push(figureText(label, figure.percent));
  }
  if (worst && pressureLevel !== 'ok') reasons.push(pressureText(worst));
  return {
    pressure,
    pressureLevel,
    inodes,
    imageInodes,
    pids,
    network: fetched?.rates?.node ?? null,
    sources,
    level: worstLevel(pressureLevel, inodes?.level ?? 'ok', imageInodes?.level ?? 'ok', pids?.level ?? 'ok'),
    reasons,
  };
}
