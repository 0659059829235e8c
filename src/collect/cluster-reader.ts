import type { DecodedList } from '../kube/decode/decode-list.js';
import type { Listed, Selection, SummaryOptions } from '../kube/kube-client.js';
import type { DecodedPodUsage } from '../kube/pod-metrics-list.js';
import type { CumulativeUsage } from '../model/cumulative-usage.js';
import type { EvictionPolicy } from '../model/eviction.js';
import type { NodeInfo, NodeSummary, NodeUsage, PodInfo } from '../model/records.js';
import type { CfsReading } from '../model/throttling.js';

/** The reads the collector needs; KubeClient provides them, tests pass fakes. */
export interface ClusterReader {
  listNodes(selection?: Selection): Promise<Listed<NodeInfo>>;
  listPods(selection?: Selection): Promise<Listed<PodInfo>>;
  nodeMetrics(selection?: Selection): Promise<DecodedList<NodeUsage>>;
  podMetrics(selection?: Selection): Promise<DecodedPodUsage>;
  nodeSummary(node: string, options?: SummaryOptions): Promise<NodeSummary>;
  /** A kubelet's CFS counters (/metrics/cadvisor); readers without it show no throttling. */
  nodeCadvisor?(node: string, options?: { signal?: AbortSignal }): Promise<CfsReading>;
  /** A kubelet's cumulative CPU and working sets (/metrics/resource); readers without it fall back on summaries alone. */
  nodeResource?(node: string, options?: { signal?: AbortSignal }): Promise<CumulativeUsage>;
  /** The kubelet's hard eviction thresholds (its configz); readers without it leave the defaults in force. */
  kubeletEviction?(node: string, signal?: AbortSignal): Promise<EvictionPolicy['hard']>;
}
