import type { PodInfo } from './records.js';

/** A pod's number, or none yet (metrics have not named it). */
export const NO_KEY = -1;

interface Match {
  readonly pods: readonly PodInfo[];
  readonly ids: Int32Array;
  /** How many pods were numbered when the match was made: a pod without a number may have one since. */
  readonly known: number;
}

// How far ahead of the last match a pod is looked for in the previous pod list: deletions shift it.
const LOOK_AHEAD = 4;

/**
 * Numbers for the pods (by namespace and name) and the container names that metrics lists name.
 * Metrics carry no UID, so names are how usage meets pods. A pod keeps its number from one list to
 * the next, so usage travels as typed arrays of numbers, and the pods of a snapshot are matched to
 * their numbers once, not once per consumer and per list: 150,000 string lookups were a large part
 * of every frame at scale.
 */
export class PodKeys {
  private readonly byNamespace = new Map<string, Map<string, number>>();
  private readonly namespaces: string[] = [];
  private readonly names: string[] = [];
  private readonly containers: string[] = [];
  private readonly containerIds = new Map<string, number>();
  private match: Match | null = null;

  /** How many pods have a number. */
  get size(): number {
    return this.names.length;
  }

  /** How many container names have a number. */
  get containerCount(): number {
    return this.containers.length;
  }

  /** The pod's number, given it now if it has none. */
  add(namespace: string, name: string): number {
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    const known = names.get(name);
    if (known !== undefined) return known;
    const id = this.names.length;
    names.set(name, id);
    this.namespaces.push(namespace);
    this.names.push(name);
    return id;
  }

  idOf(namespace: string, name: string): number {
    return this.byNamespace.get(namespace)?.get(name) ?? NO_KEY;
  }

  namespaceOf(id: number): string {
    return this.namespaces[id] ?? '';
  }

  nameOf(id: number): string {
    return this.names[id] ?? '';
  }

  /** The container name's number, given it now if it has none. */
  addContainer(name: string): number {
    const known = this.containerIds.get(name);
    if (known !== undefined) return known;
    const id = this.containers.length;
    this.containerIds.set(name, id);
    this.containers.push(name);
    return id;
  }

  containerName(id: number): string {
    return this.containers[id] ?? '';
  }

  /**
   * Each pod's number (NO_KEY where none), by position. Worked out once per pod list: the pods
   * that are the same objects as in the last list asked about (a watch replaces only what changed,
   * and keeps the order) take their number from it without a lookup.
   */
  idsOf(pods: readonly PodInfo[]): Int32Array {
    const last = this.match;
    if (last && last.pods === pods && last.known === this.size) return last.ids;
    const before = last?.pods ?? [];
    const beforeIds = last?.ids ?? new Int32Array(0);
    const grown = last === null || last.known !== this.size;
    const ids = new Int32Array(pods.length);
    let j = 0;
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i] as PodInfo;
      let id = NO_KEY;
      let found = false;
      for (let k = Math.max(0, j - 1); k < j + LOOK_AHEAD && k < before.length; k++) {
        if (before[k] !== pod) continue;
        id = beforeIds[k] as number;
        j = k + 1;
        found = true;
        break;
      }
      if (!found) {
        j++;
        id = this.idOf(pod.namespace, pod.name);
      } else if (id === NO_KEY && grown) id = this.idOf(pod.namespace, pod.name);
      ids[i] = id;
    }
    this.match = { pods, ids, known: this.size };
    return ids;
  }
}
