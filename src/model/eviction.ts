// The kubelet evicts pods before a resource runs out: at its hard eviction thresholds. These come
// from the node's kubelet (its configz) when kmon may read it, else the kubelet's own defaults.

/** The signals kmon projects toward; the kubelet knows a few more (pid.available…). */
export type EvictionSignal = 'memory.available' | 'nodefs.available' | 'nodefs.inodesFree' | 'imagefs.available';

/** A hard threshold: evict when less than this much is left, as an amount (bytes, inodes) or a share. */
export type EvictionLine = { readonly amount: number } | { readonly percent: number };

export interface EvictionPolicy {
  /** Where the thresholds come from: the node's kubelet, or the defaults standing in for it. */
  readonly source: 'kubelet' | 'defaults';
  /** Why the defaults stand in ("configz forbidden"…); '' when read from the kubelet. */
  readonly why: string;
  /** Signals the kubelet does not evict on are absent. */
  readonly hard: Readonly<Partial<Record<EvictionSignal, EvictionLine>>>;
}

const MiB = 1024 * 1024;

// The kubelet's defaults (pkg/kubelet/apis/config/v1beta1/defaults_linux.go).
export const DEFAULT_HARD_EVICTION: EvictionPolicy['hard'] = {
  'memory.available': { amount: 100 * MiB },
  'nodefs.available': { percent: 10 },
  'nodefs.inodesFree': { percent: 5 },
  'imagefs.available': { percent: 15 },
};

export function defaultEviction(why: string): EvictionPolicy {
  return { source: 'defaults', why, hard: DEFAULT_HARD_EVICTION };
}

/** How full (percent used) the resource is when the kubelet starts evicting; null for no threshold. */
export function evictionPercent(line: EvictionLine | undefined, capacity: number): number | null {
  if (!line) return null;
  if ('percent' in line) return 100 - line.percent;
  if (!(capacity > 0)) return null;
  return Math.max(0, 100 - (line.amount / capacity) * 100);
}

/** "memory.available<100Mi" style text of a threshold, for the detail view. */
export function evictionText(signal: EvictionSignal, line: EvictionLine | undefined, formatAmount: (n: number) => string): string {
  if (!line) return `${signal}: no threshold`;
  return `${signal}<${'percent' in line ? `${line.percent}%` : formatAmount(line.amount)}`;
}
