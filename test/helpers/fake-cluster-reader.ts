// A ClusterReader whose answers each test scripts; every call is counted with the (fake) time it started.
import type { ClusterReader } from '../../src/collect/cluster-reader.js';
import type { DecodedList } from '../../src/kube/decode/decode-list.js';
import type { Listed, SummaryOptions } from '../../src/kube/kube-client.js';
import type { DecodedPodUsage } from '../../src/kube/pod-metrics-list.js';
import type { CumulativeUsage } from '../../src/model/cumulative-usage.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { NodeInfo, NodeSummary, NodeUsage, PodInfo, PodUsage } from '../../src/model/records.js';
import type { CfsReading } from '../../src/model/throttling.js';

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

  /** Every kubelet read, of whichever endpoint, with the (fake) time it started. */
  readonly kubeletCalls: { node: string; at: number; read: 'summary' | 'cadvisor' | 'resource'; detail?: boolean }[] = [];
  nodeCadvisor?: (node: string) => Promise<CfsReading>;
  nodeResource?: (node: string) => Promise<CumulativeUsage>;

  /** Answers /metrics/cadvisor too (a reader without it shows no throttling). */
  withCadvisor(answer: (node: string, call: number) => CfsReading | Promise<CfsReading>): this {
    this.nodeCadvisor = async (node) => {
      this.kubeletCalls.push({ node, at: Date.now(), read: 'cadvisor' });
      return this.counted(() => answer(node, this.kubeletCalls.filter((c) => c.read === 'cadvisor' && c.node === node).length));
    };
    return this;
  }

  /** Answers /metrics/resource too. */
  withResource(answer: (node: string, call: number) => CumulativeUsage | Promise<CumulativeUsage>): this {
    this.nodeResource = async (node) => {
      this.kubeletCalls.push({ node, at: Date.now(), read: 'resource' });
      return this.counted(() => answer(node, this.kubeletCalls.filter((c) => c.read === 'resource' && c.node === node).length));
    };
    return this;
  }

  /** Kubelet reads started within [from, from + 1 s). */
  readsInSecond(from: number): number {
    return this.kubeletCalls.filter((c) => c.at >= from && c.at < from + 1000).length;
  }

  private async counted<T>(answer: () => T | Promise<T>): Promise<T> {
    this.active++;
    this.maxActiveSummaries = Math.max(this.maxActiveSummaries, this.active);
    try {
      return await answer();
    } finally {
      this.active--;
    }
  }

  async nodeSummary(node: string, options: SummaryOptions = {}): Promise<NodeSummary> {
    this.summaryCalls.push({ node, at: Date.now() });
    this.kubeletCalls.push({ node, at: Date.now(), read: 'summary', detail: options.detail });
    this.active++;
    this.maxActiveSummaries = Math.max(this.maxActiveSummaries, this.active);
    try {
      return await this.summary(node);
    } finally {
      this.active--;
    }
  }
}
