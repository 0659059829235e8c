import type { EvictionPolicy } from './eviction.js';
import type { HistoryStore } from './history.js';
import type { PodUsageIndex } from './pod-usage-index.js';
import type { Problem } from './problems.js';
import type { NodeInfo, NodeSummary, NodeUsage, PodInfo } from './records.js';

/** Where CPU and memory figures came from in this snapshot. */
export type MetricsSource = 'metrics-api' | 'kubelet' | 'none';

export interface Scope {
  readonly context: string;
  readonly cluster: string;
  readonly server: string;
  /** null for all namespaces. */
  readonly namespace: string | null;
}

export interface FetchedSummary {
  readonly summary: NodeSummary;
  readonly fetchedAt: number;
  /** Whether summary.pods holds the pods' usage: kept only while it stands in for pod metrics. */
  readonly podsKept?: boolean;
}

export interface Histories {
  /** Per node UID: [cpu millicores, memory bytes]. */
  readonly nodeUsage: HistoryStore;
  /** Per node UID: [node filesystem %, image filesystem %, inodes %] (see node-forecast.ts). */
  readonly nodeDisk: HistoryStore;
  /** Per pod UID: [cpu millicores, memory bytes]. */
  readonly podUsage: HistoryStore;
}

/**
 * Everything one poll knows, immutable once emitted. Figures that could not be refreshed this poll
 * are the last good ones; their times say how old they are.
 */
export interface Snapshot {
  /** Increases by one per poll; history samples are tagged with it. */
  readonly seq: number;
  readonly takenAt: number;
  readonly intervalMs: number;
  readonly scope: Scope;
  readonly nodes: readonly NodeInfo[];
  readonly pods: readonly PodInfo[];
  /** When nodes and pods were last read successfully (null: never). */
  readonly inventoryAt: number | null;
  /** Whether the pod list has been read yet: on a big cluster it arrives after the first frame. */
  readonly podsListed: boolean;
  readonly nodeUsage: ReadonlyMap<string, NodeUsage>;
  readonly podUsage: PodUsageIndex;
  /** Where the nodes' CPU/memory come from. */
  readonly metricsSource: MetricsSource;
  /** Where the pods' CPU/memory come from (they fail apart from the nodes'). */
  readonly podMetricsSource: MetricsSource;
  /** When CPU/memory were last read successfully (null: never). */
  readonly metricsAt: number | null;
  /** Keyed by node name. */
  readonly summaries: ReadonlyMap<string, FetchedSummary>;
  /** Why kubelet reads are off or failing as a whole (e.g. --no-kubelet), if they are. */
  readonly kubeletOff: string | null;
  readonly problems: readonly Problem[];
  readonly history: Histories;
  /** Each node's hard eviction thresholds by node name, where read from its kubelet; absent: the defaults. */
  readonly eviction?: ReadonlyMap<string, EvictionPolicy>;
}
