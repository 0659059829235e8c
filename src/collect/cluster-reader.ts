import type { DecodedList } from '../kube/decode/decode-list.js';
import type { Listed, Selection, SummaryOptions } from '../kube/kube-client.js';
import type { DecodedPodUsage } from '../kube/pod-metrics-list.js';
import type { NodeInfo, NodeSummary, NodeUsage, PodInfo } from '../model/records.js';

/** The reads the collector needs; KubeClient provides them, tests pass fakes. */
export interface ClusterReader {
  listNodes(selection?: Selection): Promise<Listed<NodeInfo>>;
  listPods(selection?: Selection): Promise<Listed<PodInfo>>;
  nodeMetrics(selection?: Selection): Promise<DecodedList<NodeUsage>>;
  podMetrics(selection?: Selection): Promise<DecodedPodUsage>;
  nodeSummary(node: string, options?: SummaryOptions): Promise<NodeSummary>;
}
