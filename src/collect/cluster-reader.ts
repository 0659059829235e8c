import type { DecodedList } from '../kube/decode/decode-list.js';
import type { Listed, Selection, SummaryOptions } from '../kube/kube-client.js';
import type { EvictionPolicy } from '../model/eviction.js';
import type { NodeInfo, NodeSummary, NodeUsage, PodInfo, PodUsage } from '../model/records.js';

/** The reads the collector needs; KubeClient provides them, tests pass fakes. */
export interface ClusterReader {
  listNodes(selection?: Selection): Promise<Listed<NodeInfo>>;
  listPods(selection?: Selection): Promise<Listed<PodInfo>>;
  nodeMetrics(selection?: Selection): Promise<DecodedList<NodeUsage>>;
  podMetrics(selection?: Selection): Promise<DecodedList<PodUsage>>;
  nodeSummary(node: string, options?: SummaryOptions): Promise<NodeSummary>;
  /** The kubelet's hard eviction thresholds (its configz); readers without it leave the defaults in force. */
  kubeletEviction?(node: string, signal?: AbortSignal): Promise<EvictionPolicy['hard']>;
}
