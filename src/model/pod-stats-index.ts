import type { NetworkCounters } from './network-rates.js';
import type { Pressure } from './pressure.js';

/** What the kubelet's summary says of a pod beyond CPU and memory. */
export interface PodStats {
  readonly namespace: string;
  readonly name: string;
  /** The pod's ephemeral storage in use (writable layers, logs, emptyDir volumes), and when measured. */
  readonly ephemeral: { readonly usedBytes: number; readonly time: number | null } | null;
  /** Only where the pods were read in full (nodes of pods on screen): null otherwise. */
  readonly network: NetworkCounters | null;
  readonly pressure: Pressure | null;
}

/**
 * One node's pod stats by namespace and name, as the pod list meets them (summaries name pods, and
 * a static pod's UID in the kubelet is not its mirror pod's). Pods known only by their disk use
 * (every node's, on a big cluster) are kept as a number each, not an object.
 */
export class PodStatsIndex {
  // Made on first use: 5,000 summaries read for their node alone mostly hold none.
  private full: Map<string, Map<string, PodStats>> | null = null;
  private disk: Map<string, Map<string, number>> | null = null;
  private count = 0;

  /** `diskTime`: when the disk-only entries were measured. */
  constructor(private readonly diskTime: number | null = null) {}

  static of(items: Iterable<PodStats>, diskTime: number | null = null): PodStatsIndex {
    const index = new PodStatsIndex(diskTime);
    for (const item of items) {
      if (item.network || item.pressure || !item.ephemeral) index.add(item);
      else index.addDisk(item.namespace, item.name, item.ephemeral.usedBytes);
    }
    return index;
  }

  add(stats: PodStats): void {
    if (!this.has(stats.namespace, stats.name)) this.count++;
    this.disk?.get(stats.namespace)?.delete(stats.name);
    this.full ??= new Map();
    inner(this.full, stats.namespace).set(stats.name, stats);
  }

  addDisk(namespace: string, name: string, usedBytes: number): void {
    if (!this.has(namespace, name)) this.count++;
    this.full?.get(namespace)?.delete(name);
    this.disk ??= new Map();
    inner(this.disk, namespace).set(name, usedBytes);
  }

  get(namespace: string, name: string): PodStats | undefined {
    const stats = this.full?.get(namespace)?.get(name);
    if (stats) return stats;
    const usedBytes = this.disk?.get(namespace)?.get(name);
    if (usedBytes === undefined) return undefined;
    return { namespace, name, ephemeral: { usedBytes, time: this.diskTime }, network: null, pressure: null };
  }

  get size(): number {
    return this.count;
  }

  *values(): IterableIterator<PodStats> {
    for (const names of this.full?.values() ?? []) yield* names.values();
    for (const [namespace, names] of this.disk ?? []) for (const name of names.keys()) yield this.get(namespace, name) as PodStats;
  }

  private has(namespace: string, name: string): boolean {
    return this.full?.get(namespace)?.has(name) === true || this.disk?.get(namespace)?.has(name) === true;
  }
}

function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = outer.get(key);
  if (!found) {
    found = new Map();
    outer.set(key, found);
  }
  return found;
}
