import { formatAge } from '../model/age.js';
import type { Level } from '../model/levels.js';
import type { Problem } from '../model/problems.js';
import type { Snapshot } from '../model/snapshot.js';

export interface AlertCounts {
  readonly crit: number;
  readonly warn: number;
}

export function countLevels(levels: Iterable<Level>): AlertCounts {
  let crit = 0;
  let warn = 0;
  for (const level of levels) {
    if (level === 'crit') crit++;
    else if (level === 'warn') warn++;
  }
  return { crit, warn };
}

/** The age of the oldest figure on screen, and whether it is stale (3 polls missed). */
export function dataAge(snapshot: Snapshot, now: number): { ageMs: number | null; stale: boolean } {
  const times = [snapshot.inventoryAt, snapshot.metricsAt].filter((t): t is number => t !== null);
  if (times.length === 0) return { ageMs: null, stale: false };
  const ageMs = Math.max(0, now - Math.min(...times));
  return { ageMs, stale: ageMs > 3 * snapshot.intervalMs + 1000 };
}

const SOURCE_RANK: Readonly<Record<Problem['source'], number>> = { nodes: 0, pods: 1, metrics: 2, kubelet: 3, history: 4 };

export interface LeadProblem {
  readonly text: string;
  readonly more: number;
  /** About one kubelet's read, which a critical alert about its node says better (a NotReady node's kubelet cannot be read). */
  readonly oneKubelet: boolean;
}

/**
 * The problem to name in the frame, and how many others there are: cluster-wide reads first, then
 * why kubelets are off, then the newest kubelet failure, then why the charts' past is missing. While
 * kubelet reads are off because nodes/proxy is forbidden, each node's forbidden read is that one
 * reason, not one more each.
 */
export function leadProblem(snapshot: Snapshot): LeadProblem | null {
  const off = snapshot.kubeletOff;
  const sorted = snapshot.problems
    .filter((p) => !(off && p.source === 'kubelet' && p.kind === 'forbidden'))
    .sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || b.since - a.since);
  const wide = [...sorted.filter((p) => p.source !== 'kubelet' && p.source !== 'history').map((p) => p.message), ...(off ? [off] : [])];
  const late = sorted.filter((p) => p.source === 'kubelet' || p.source === 'history');
  const reasons = [...wide, ...late.map((p) => p.message)];
  const [lead] = reasons;
  return lead === undefined
    ? null
    : { text: lead, more: reasons.length - 1, oneKubelet: wide.length === 0 && late[0]?.source === 'kubelet' };
}

export function clock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export function ageText(ms: number): string {
  return formatAge(ms);
}
