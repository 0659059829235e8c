/** What the sweep order needs of a node's state. */
export interface SweepEntry {
  readonly name: string;
  lastAttempt: number;
  failures: number;
  inFlight: boolean;
}

/**
 * The nodes in the order the sweeper reads them, kept as it goes rather than found by scanning
 * every node for each read (at 5,000 nodes and 20 reads a second, that scan was a fifth of the
 * live screen's allocations). Each node is in one of three sets, which keep insertion order:
 * - fresh: never read, or to be read again at once; oldest first;
 * - failing: backing off, each on its own schedule; few, and looked through whole;
 * - healthy: read and answered, in the order they were last asked, so the first one not in flight
 *   was read longest ago and falls due first (healthy nodes share one refresh interval).
 */
export class SweepOrder<S extends SweepEntry> {
  readonly fresh = new Set<S>();
  readonly failing = new Set<S>();
  readonly healthy = new Set<S>();

  add(state: S): void {
    this.fresh.add(state);
  }

  remove(state: S): void {
    this.fresh.delete(state);
    this.failing.delete(state);
    this.healthy.delete(state);
  }

  /** Asked now: last in line until it answers or fails. */
  asked(state: S): void {
    this.remove(state);
    this.healthy.add(state);
  }

  failed(state: S): void {
    this.remove(state);
    this.failing.add(state);
  }

  /** Due again at once (a quick retry, or the apiserver back after an outage). */
  again(state: S): void {
    this.remove(state);
    this.fresh.add(state);
  }
}
