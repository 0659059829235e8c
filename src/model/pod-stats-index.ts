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
 * a static pod's UID in the kubelet is not its mirror pod's).
 */
export class PodStatsIndex {
  private readonly byNamespace = new Map<string, Map<string, PodStats>>();
  private count = 0;

  static of(items: Iterable<PodStats>): PodStatsIndex {
    const index = new PodStatsIndex();
    for (const item of items) index.add(item);
    return index;
  }

  add(stats: PodStats): void {
    let names = this.byNamespace.get(stats.namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(stats.namespace, names);
    }
    if (!names.has(stats.name)) this.count++;
    names.set(stats.name, stats);
  }

  get(namespace: string, name: string): PodStats | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  get size(): number {
    return this.count;
  }

  *values(): IterableIterator<PodStats> {
    for (const names of this.byNamespace.values()) yield* names.values();
  }
}
