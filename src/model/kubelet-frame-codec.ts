import type { NetworkRates } from './network-rates.js';
import { type PodStats, PodStatsIndex } from './pod-stats-index.js';
import type { NodeSummary } from './records.js';
import type { FetchedSummary, FetchedThrottling } from './snapshot.js';
import type { PodThrottling } from './throttling.js';

// What the kubelets said, as plain data for a recording's JSON lines: the maps and indexes the
// live screen reads them through become lists of entries, and are made again on the way back.

export interface PackedSummary extends Omit<FetchedSummary, 'summary' | 'rates'> {
  readonly summary: Omit<NodeSummary, 'podStats'> & { readonly podStats?: readonly PodStats[] };
  readonly rates?: { readonly node: NetworkRates | null; readonly pods: readonly (readonly [string, NetworkRates])[] };
}

type PackedPodThrottling = Omit<PodThrottling, 'containers'> & { readonly containers: readonly (readonly [string, number])[] };

/** A node's throttling as the screen shows it: per pod, not the counters it was worked out from. */
export interface PackedThrottling {
  readonly fetchedAt: number;
  readonly pods: readonly (readonly [string, PackedPodThrottling])[];
}

export function packSummary(fetched: FetchedSummary): PackedSummary {
  const { summary, rates, ...rest } = fetched;
  const { podStats, ...plain } = summary;
  return {
    ...rest,
    summary: podStats ? { ...plain, podStats: [...podStats.values()] } : plain,
    ...(rates ? { rates: { node: rates.node, pods: [...rates.pods] } } : {}),
  };
}

// Each entry whole, with its own time: a replay holds few nodes' pods, so nothing is saved by
// the live index's disk-only entries.
function statsIndex(items: readonly PodStats[]): PodStatsIndex {
  const index = new PodStatsIndex();
  for (const item of items) index.add(item);
  return index;
}

export function unpackSummary(packed: PackedSummary): FetchedSummary {
  const { summary, rates, ...rest } = packed;
  const { podStats, ...plain } = summary;
  return {
    ...rest,
    summary: podStats ? { ...plain, podStats: statsIndex(podStats) } : plain,
    ...(rates ? { rates: { node: rates.node, pods: new Map(rates.pods) } } : {}),
  };
}

export function packThrottling(fetched: FetchedThrottling): PackedThrottling {
  return {
    fetchedAt: fetched.fetchedAt,
    pods: [...fetched.pods].map(([key, t]) => [key, { ...t, containers: [...t.containers] }] as const),
  };
}

/** Back to what the screen reads; the counters are not kept, so nothing is worked out from them again. */
export function unpackThrottling(packed: PackedThrottling): FetchedThrottling {
  return {
    fetchedAt: packed.fetchedAt,
    reading: { pods: [] },
    pods: new Map(packed.pods.map(([key, t]) => [key, { ...t, containers: new Map(t.containers) }])),
  };
}
