// Network figures from the kubelet's cumulative counters: bytes and errors a second between two
// reads of the same interface.

/** Cumulative counters of a network interface, and when the kubelet read them. */
export interface NetworkCounters {
  readonly rxBytes: number;
  readonly txBytes: number;
  readonly rxErrors?: number | null;
  readonly txErrors?: number | null;
  readonly time?: number | null;
}

export interface NetworkRates {
  readonly rxBytesPerSecond: number;
  readonly txBytesPerSecond: number;
  /** null where the kubelet did not report errors. */
  readonly rxErrorsPerSecond: number | null;
  readonly txErrorsPerSecond: number | null;
  /** The later read's time. */
  readonly at: number;
}

function perSecond(before: number | null | undefined, after: number | null | undefined, seconds: number): number | null {
  if (before == null || after == null || after < before) return null;
  return (after - before) / seconds;
}

/**
 * The rates between two reads, timed by the kubelet's own clock where it says (fetch times
 * otherwise). A counter that went back (an interface or pod recreated) gives no rate: the
 * difference would be meaningless.
 */
export function networkRates(
  before: NetworkCounters | null | undefined,
  after: NetworkCounters | null | undefined,
  fetched: { readonly before: number; readonly after: number },
): NetworkRates | null {
  if (!before || !after) return null;
  const t0 = before.time ?? fetched.before;
  const t1 = after.time ?? fetched.after;
  const seconds = (t1 - t0) / 1000;
  if (!(seconds > 0)) return null;
  const rx = perSecond(before.rxBytes, after.rxBytes, seconds);
  const tx = perSecond(before.txBytes, after.txBytes, seconds);
  if (rx === null || tx === null) return null;
  return {
    rxBytesPerSecond: rx,
    txBytesPerSecond: tx,
    rxErrorsPerSecond: perSecond(before.rxErrors, after.rxErrors, seconds),
    txErrorsPerSecond: perSecond(before.txErrors, after.txErrors, seconds),
    at: t1,
  };
}
