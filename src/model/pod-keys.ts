import { carriedOver, NOT_CARRIED } from './carry-over.js';
import type { PodInfo } from './records.js';

/** A pod's number, or none yet (metrics have not named it). */
export const NO_KEY = -1;

interface Match {
  readonly pods: readonly PodInfo[];
  readonly ids: Int32Array;
  /** How many pods were numbered when the match was made: a pod without a number may have one since. */
  readonly known: number;
}

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
    const at = carriedOver(pods, last?.pods ?? []);
    const grown = last === null || last.known !== this.size;
    const ids = new Int32Array(pods.length);
    for (let i = 0; i < pods.length; i++) {
      const k = at[i] as number;
      let id = k === NOT_CARRIED ? NO_KEY : (last?.ids[k] as number);
      if (k === NOT_CARRIED || (id === NO_KEY && grown)) {
        const pod = pods[i] as PodInfo;
        id = this.idOf(pod.namespace, pod.name);
      }
      ids[i] = id;
    }
    this.match = { pods, ids, known: this.size };
    return ids;
  }
}
