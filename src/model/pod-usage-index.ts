import type { PodUsage } from './records.js';

/**
 * Pod usage by namespace and name. Metrics carry no UID, so this is how usage meets pods; two
 * levels of maps instead of one keyed by "namespace/name" spare building (and keeping) a key string
 * per pod per poll, 150,000 of them at scale.
 */
export class PodUsageIndex {
  private readonly byNamespace = new Map<string, Map<string, PodUsage>>();
  private count = 0;

  static of(items: Iterable<PodUsage>): PodUsageIndex {
    const index = new PodUsageIndex();
    for (const item of items) index.add(item);
    return index;
  }

  /** Adds (or replaces) the usage of the pod it names. Indexes are filled once, then only read. */
  add(usage: PodUsage): void {
    let names = this.byNamespace.get(usage.namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(usage.namespace, names);
    }
    if (!names.has(usage.name)) this.count++;
    names.set(usage.name, usage);
  }

  get(namespace: string, name: string): PodUsage | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  get size(): number {
    return this.count;
  }

  *values(): IterableIterator<PodUsage> {
    for (const names of this.byNamespace.values()) yield* names.values();
  }
}
