import { type NetworkRates, networkRates } from './network-rates.js';
import type { NodeSummary } from './records.js';

/** Network rates of a node and, where both summaries had their counters, of its pods ("namespace/name"). */
export interface SummaryRates {
  readonly node: NetworkRates | null;
  readonly pods: ReadonlyMap<string, NetworkRates>;
}

/** Rates between a node's previous summary and this one; the first summary has none. */
export function summaryRates(
  before: { readonly summary: NodeSummary; readonly fetchedAt: number } | null,
  after: NodeSummary,
  fetchedAt: number,
): SummaryRates {
  const fetched = { before: before?.fetchedAt ?? 0, after: fetchedAt };
  const pods = new Map<string, NetworkRates>();
  for (const pod of after.podStats?.values() ?? []) {
    if (!pod.network) continue;
    const rates = networkRates(before?.summary.podStats?.get(pod.namespace, pod.name)?.network, pod.network, fetched);
    if (rates) pods.set(`${pod.namespace}/${pod.name}`, rates);
  }
  return { node: networkRates(before?.summary.network, after.network, fetched), pods };
}
