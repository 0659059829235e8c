import { type NetworkCounters, type NetworkRates, networkRates } from './network-rates.js';
import type { NodeSummary } from './records.js';

/** Network rates of a node and, where both summaries had their counters, of its pods ("namespace/name"). */
export interface SummaryRates {
  readonly node: NetworkRates | null;
  readonly pods: ReadonlyMap<string, NetworkRates>;
}

interface Before {
  readonly summary: NodeSummary;
  readonly fetchedAt: number;
  readonly rates?: SummaryRates;
}

// The kubelet refreshes its counters every 10 to 15 s and serves the same sample until then; a
// read within that time is the same sample again, which says nothing new about the rate.
const sameSample = (before: NetworkCounters | null | undefined, after: NetworkCounters | null | undefined) =>
  before?.time != null && before.time === after?.time;

/**
 * Rates between a node's previous summary and this one; the first summary has none. A summary
 * holding the same sample as the one before keeps the rates worked out before.
 */
export function summaryRates(before: Before | null, after: NodeSummary, fetchedAt: number): SummaryRates {
  const fetched = { before: before?.fetchedAt ?? 0, after: fetchedAt };
  const rates = (key: string | null, was: NetworkCounters | null | undefined, now: NetworkCounters | null | undefined) => {
    const kept = key === null ? before?.rates?.node : before?.rates?.pods.get(key);
    return sameSample(was, now) ? (kept ?? null) : networkRates(was, now, fetched);
  };
  const pods = new Map<string, NetworkRates>();
  for (const pod of after.podStats?.values() ?? []) {
    if (!pod.network) continue;
    const key = `${pod.namespace}/${pod.name}`;
    const found = rates(key, before?.summary.podStats?.get(pod.namespace, pod.name)?.network, pod.network);
    if (found) pods.set(key, found);
  }
  return { node: rates(null, before?.summary.network, after.network), pods };
}
