import { setFlagsFromString } from 'node:v8';

// Above this many pods on screen (all clusters together) GC pauses cost more than memory saves;
// back under the lower mark, the heap is kept small again. Two marks, so a cluster near one does
// not flip the setting on every list.
const LEAN_UP_TO_PODS = 25_000;
const LEAN_AGAIN_BELOW_PODS = 20_000;

/**
 * The live screen runs for hours beside a runbook, so it asks V8 to favour a small heap over GC
 * speed (--optimize-for-size), until the clusters it watches are big: there, a collection of a
 * heap that size holds keys up. Measured with `npm run bench`, steady polls at 5,000 nodes × 30
 * pods: small heap 1.23 s of CPU a poll, 442 MB, the event loop held up to 0.65 s at a time;
 * default heap 0.73 s, 585 MB, 0.29 s. Below, it saves more the bigger the cluster: 11 MB at 50 ×
 * 30 (104 MB), and 134 MB at 1,000 × 30 (197 MB; bench/scale-live.ts --nodes 1000 with
 * KMON_BENCH_HEAP=small, then default), for 40 ms and 0.2 s more CPU a poll.
 * V8 reads the flag at each collection, so it can change while kmon runs.
 */
export class HeapPreference {
  private readonly pods = new Map<string, number>();
  private lean: boolean | null = null;

  constructor(private readonly apply: (lean: boolean) => void = setLean) {}

  /** Start small: nothing is listed yet. */
  start(): void {
    this.set(true);
  }

  /** The pod count a cluster's latest snapshot holds (0 once it is let go of). */
  count(cluster: string, pods: number): void {
    if (pods === 0) this.pods.delete(cluster);
    else this.pods.set(cluster, pods);
    let total = 0;
    for (const n of this.pods.values()) total += n;
    if (total > LEAN_UP_TO_PODS) this.set(false);
    else if (total < LEAN_AGAIN_BELOW_PODS) this.set(true);
  }

  private set(lean: boolean): void {
    if (this.lean === lean) return;
    this.lean = lean;
    this.apply(lean);
  }
}

function setLean(lean: boolean): void {
  setFlagsFromString(lean ? '--optimize-for-size' : '--no-optimize-for-size');
}

/** For the benchmarks, which measure a single setting. */
export function preferSmallHeap(): void {
  setLean(true);
}
