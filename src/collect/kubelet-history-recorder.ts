import type { KubeletHistories } from '../model/kubelet-history.js';
import { PRESSURE_RESOURCES, type Pressure, someAvg10 } from '../model/pressure.js';
import type { NodeInfo, PodInfo } from '../model/records.js';
import type { FetchedSummary, FetchedThrottling } from '../model/snapshot.js';

export interface KubeletHistoryInput {
  readonly seq: number;
  readonly nodes: readonly NodeInfo[];
  readonly pods: readonly PodInfo[];
  readonly summaries: ReadonlyMap<string, FetchedSummary>;
  readonly throttling: ReadonlyMap<string, FetchedThrottling>;
}

const pressureSample = (p: Pressure | null | undefined) => PRESSURE_RESOURCES.map((r) => someAvg10(p, r) ?? Number.NaN);

/**
 * Adds each frame's pressure, network and throttling samples to their histories. Pods are visited
 * only on nodes whose pods' figures were read in full (or whose cAdvisor was read): a few dozen, not
 * 150,000; the history of a pod that has left them is freed.
 */
export class KubeletHistoryRecorder {
  private pods: readonly PodInfo[] | null = null;
  private byNode = new Map<string, PodInfo[]>();

  constructor(private readonly history: KubeletHistories) {}

  record(input: KubeletHistoryInput): void {
    this.recordNodes(input);
    if (input.pods !== this.pods) {
      this.pods = input.pods;
      this.byNode = new Map();
      for (const pod of input.pods) {
        if (pod.nodeName === null) continue;
        const list = this.byNode.get(pod.nodeName);
        if (list) list.push(pod);
        else this.byNode.set(pod.nodeName, [pod]);
      }
    }
    const kept = new Set<string>();
    const { podThrottling, podPressure, podNetwork } = this.history;
    const nodes = new Set(input.throttling.keys());
    for (const [name, fetched] of input.summaries) if (fetched.detail) nodes.add(name);
    for (const node of nodes) {
      const fetched = input.summaries.get(node);
      const throttling = input.throttling.get(node);
      for (const pod of this.byNode.get(node) ?? []) {
        const key = `${pod.namespace}/${pod.name}`;
        const thr = throttling?.pods.get(key);
        if (thr) podThrottling.record(pod.uid, thr.at, input.seq, [thr.percent]);
        const stats = fetched?.summary.podStats?.get(pod.namespace, pod.name);
        if (stats?.pressure && fetched) podPressure.record(pod.uid, fetched.fetchedAt, input.seq, pressureSample(stats.pressure));
        const net = fetched?.rates?.pods.get(key);
        if (net) podNetwork.record(pod.uid, net.at, input.seq, [net.rxBytesPerSecond, net.txBytesPerSecond]);
        if (thr || stats?.pressure || net) kept.add(pod.uid);
      }
    }
    for (const store of [podThrottling, podPressure, podNetwork]) store.retain(kept);
  }

  private recordNodes({ seq, nodes, summaries }: KubeletHistoryInput): void {
    const { nodePressure, nodeNetwork } = this.history;
    for (const node of nodes) {
      const fetched = summaries.get(node.name);
      if (!fetched) continue;
      if (fetched.summary.pressure) nodePressure.record(node.uid, fetched.fetchedAt, seq, pressureSample(fetched.summary.pressure));
      const net = fetched.rates?.node;
      if (net) nodeNetwork.record(node.uid, net.at, seq, [net.rxBytesPerSecond, net.txBytesPerSecond]);
    }
    const live = new Set(nodes.map((n) => n.uid));
    nodePressure.retain(live);
    nodeNetwork.retain(live);
  }
}
