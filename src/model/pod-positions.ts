import type { PodInfo } from './records.js';

/**
 * Where pods are in a pod list, by UID, for the few with alerts firing. Finding them by hashing
 * each of 150,000 UIDs, every snapshot, was most of the alert book's time. Positions are kept per
 * list (watches hand over a new list only when a pod changes); a UID not yet sought in this list
 * costs one walk over it.
 */
export class PodPositions {
  private pods: readonly PodInfo[] | null = null;
  private known = new Map<string, readonly number[]>();

  /** The positions in `pods` of the pods with these UIDs, ascending. */
  of(uids: ReadonlySet<string>, pods: readonly PodInfo[]): number[] {
    if (pods !== this.pods) {
      this.pods = pods;
      this.known = new Map();
    }
    if (![...uids].every((uid) => this.known.has(uid))) this.seek(uids, pods);
    return [...uids].flatMap((uid) => this.known.get(uid) ?? []).sort((a, b) => a - b);
  }

  private seek(uids: ReadonlySet<string>, pods: readonly PodInfo[]): void {
    const found = new Map<string, number[]>();
    for (const uid of uids) if (!this.known.has(uid)) found.set(uid, []);
    for (let i = 0; i < pods.length; i++) found.get((pods[i] as PodInfo).uid)?.push(i);
    for (const [uid, at] of found) this.known.set(uid, at);
  }
}
