// A ClusterReader whose answers each test scripts; every call is counted with the (fake) time it started.
import type { ClusterReader } from '../../src/collect/cluster-reader.js';
import type { DecodedList } from '../../src/kube/decode/decode-list.js';
import type { Listed } from '../../src/kube/kube-client.js';
import type { DecodedPodUsage } from '../../src/kube/pod-metrics-list.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { NodeInfo, NodeSummary, NodeUsage, PodInfo, PodUsage } from '../../src/model/records.js';

type Answer<T> = (call: number) => T | Promise<T>;

export function listed<T>(items: T[]): Listed<T> {
  return { items, skipped: 0, firstProblem: null, resourceVersion: '1' };
}

export function decoded<T>(items: T[]): DecodedList<T> {
  return { items, skipped: 0, firstProblem: null };
}

/** Resolves after `ms` of (fake) time. */
export function delayed<T>(ms: number, value: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(value());
      } catch (e) {
        reject(e);
      }
    }, ms),
  );
}

export class FakeClusterReader implements ClusterReader {
  readonly calls = { listNodes: [] as number[], listPods: [] as number[], nodeMetrics: [] as number[], podMetrics: [] as number[] };
  readonly summaryCalls: { node: string; at: number }[] = [];
  private active = 0;
  maxActiveSummaries = 0;

  constructor(
    public nodes: Answer<NodeInfo[]> = () => [],
    public pods: Answer<PodInfo[]> = () => [],
    public nodeUsage: Answer<NodeUsage[]> = () => [],
    public podUsage: Answer<PodUsage[]> = () => [],
    public summary: (node: string) => NodeSummary | Promise<NodeSummary> = (nodeName) => ({
      nodeName,
      usage: null,
      fs: null,
      imageFs: null,
      network: null,
      pods: [],
    }),
  ) {}

  async listNodes(): Promise<Listed<NodeInfo>> {
    this.calls.listNodes.push(Date.now());
    return listed(await this.nodes(this.calls.listNodes.length));
  }

  async listPods(): Promise<Listed<PodInfo>> {
    this.calls.listPods.push(Date.now());
    return listed(await this.pods(this.calls.listPods.length));
  }

  async nodeMetrics(): Promise<DecodedList<NodeUsage>> {
    this.calls.nodeMetrics.push(Date.now());
    return decoded(await this.nodeUsage(this.calls.nodeMetrics.length));
  }

  async podMetrics(): Promise<DecodedPodUsage> {
    this.calls.podMetrics.push(Date.now());
    return { usage: PodUsageIndex.of(await this.podUsage(this.calls.podMetrics.length)), skipped: 0, firstProblem: null };
  }

  async nodeSummary(node: string): Promise<NodeSummary> {
    this.summaryCalls.push({ node, at: Date.now() });
    this.active++;
    this.maxActiveSummaries = Math.max(this.maxActiveSummaries, this.active);
    try {
      return await this.summary(node);
    } finally {
      this.active--;
    }
  }
}
