import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvictionReader } from '../../src/collect/eviction-reader.js';
import { KubeletSweeper, type SweeperOptions } from '../../src/collect/kubelet-sweeper.js';
import { KubeError } from '../../src/kube/kube-error.js';
import { TokenBucket } from '../../src/kube/token-bucket.js';
import type { CumulativeUsage } from '../../src/model/cumulative-usage.js';
import type { CfsReading } from '../../src/model/throttling.js';
import { delayed, FakeClusterReader } from '../helpers/fake-cluster-reader.js';
import { nodeSummary } from '../helpers/records.js';

// The sweeper's other reads: /metrics/cadvisor for the nodes of pods on screen, /metrics/resource
// between summaries while the Metrics API is missing, all under the one kubelet budget.

const T0 = Date.parse('2026-06-26T10:00:00Z');
const names = (n: number) => Array.from({ length: n }, (_, i) => `node-${i}`);

let sweepers: KubeletSweeper[] = [];
function sweeper(reader: FakeClusterReader, over: Partial<SweeperOptions> = {}): KubeletSweeper {
  const s = new KubeletSweeper({ reader, concurrency: 4, qps: 1000, burst: 1000, refreshMs: 5_000, ...over });
  sweepers.push(s);
  return s;
}

/** A cAdvisor read where the pod's container has run `periods` periods, `throttled` of them throttled. */
function cfs(periods: number, throttled: number, time = Date.now()): CfsReading {
  return {
    pods: [{ namespace: 'shop', name: 'web-1', pod: null, containers: new Map([['app', { periods, throttled, time }]]) }],
  };
}

function counters(node: string, cpuSeconds: number, time = Date.now()): CumulativeUsage {
  return { nodeName: node, node: { cpuSeconds, memoryBytes: 1000, time }, pods: [] };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  for (const s of sweepers) s.stop();
  sweepers = [];
  vi.useRealTimers();
});

describe('cAdvisor reads', () => {
  it('only the nodes of pods on screen, every 10 s at most, and throttling is the rate between two reads', async () => {
    const reader = new FakeClusterReader().withCadvisor((_node, call) => cfs(1000 * call, 400 * (call - 1)));
    const s = sweeper(reader);
    s.setNodes(names(4));
    s.prioritizePods(['node-2']);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    const cadvisor = () => reader.kubeletCalls.filter((c) => c.read === 'cadvisor');
    expect(cadvisor().map((c) => c.node)).toEqual(['node-2']);
    expect(s.throttling().get('node-2')?.pods.size).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cadvisor().map((c) => c.at - T0)).toEqual([0, 10_000]);
    // 1000 more periods, 400 of them throttled
    expect(s.throttling().get('node-2')?.pods.get('shop/web-1')?.percent).toBe(40);
  });

  it("the nodes of pods on screen have their pods' summaries read in full; others only their disk", async () => {
    const reader = new FakeClusterReader();
    const s = sweeper(reader);
    s.setNodes(names(3));
    s.prioritizePods(['node-1']);
    await s.sweepOnce();
    const detail = Object.fromEntries(reader.kubeletCalls.map((c) => [c.node, c.detail]));
    expect(detail).toEqual({ 'node-0': false, 'node-1': true, 'node-2': false });
  });

  it('a node whose pods left the screen keeps its figure a minute, then drops it', async () => {
    const reader = new FakeClusterReader().withCadvisor((_node, call) => cfs(100 * call, 10 * call));
    const s = sweeper(reader);
    s.setNodes(['node-0']);
    s.prioritizePods(['node-0']);
    s.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.throttling().get('node-0')?.pods.get('shop/web-1')?.percent).toBe(10);
    s.prioritizePods([]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.throttling().has('node-0')).toBe(true);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(s.throttling().has('node-0')).toBe(false);
  });

  it("a failing cAdvisor is a problem of its own that leaves the node's disk alone", async () => {
    const reader = new FakeClusterReader().withCadvisor(() => {
      throw new KubeError('not-found', 'the server could not find the requested resource', { status: 404 });
    });
    const s = sweeper(reader);
    s.setNodes(['node-0']);
    s.prioritizePods(['node-0']);
    await s.sweepOnce(undefined, ['summary', 'cadvisor']);
    expect(s.summaries().has('node-0')).toBe(true);
    expect(s.currentProblems()).toEqual([
      expect.objectContaining({
        source: 'kubelet',
        message: 'kubelet on node-0: /metrics/cadvisor: the server could not find the requested resource',
      }),
    ]);
    expect(s.currentProblems()[0]?.node).toBeUndefined();
  });

  it('one-shot: two sweeps of cAdvisor, a few seconds apart, give the rates', async () => {
    const reader = new FakeClusterReader().withCadvisor((_node, call) => cfs(50 * call, 20 * call));
    const s = sweeper(reader);
    s.setNodes(names(2));
    s.prioritizePods(names(2));
    await s.sweepOnce(undefined, ['cadvisor']);
    await vi.advanceTimersByTimeAsync(5000);
    await s.sweepOnce(undefined, ['cadvisor']);
    expect(reader.kubeletCalls.map((c) => `${c.read} ${c.node}`)).toEqual([
      'cadvisor node-0',
      'cadvisor node-1',
      'cadvisor node-0',
      'cadvisor node-1',
    ]);
    expect(s.throttling().get('node-1')?.pods.get('shop/web-1')?.percent).toBe(40);
  });
});

describe('/metrics/resource between summaries', () => {
  it('while CPU and memory come from the kubelets: resource reads fill in until the summary is due again', async () => {
    let using = false;
    const reader = new FakeClusterReader(undefined, undefined, undefined, undefined, (node) =>
      nodeSummary(node, { counters: counters(node, 100, T0) }),
    ).withResource((node, call) => counters(node, 100 + 5 * call, T0 + call * 5000));
    const s = sweeper(reader, { backgroundRefreshMs: () => 30_000, usageRefreshMs: () => (using ? 5_000 : null) });
    s.setNodes(['node-0', 'node-1']);
    s.prioritize(['node-0']);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    using = true;
    await vi.advanceTimersByTimeAsync(30_000);
    const of = (node: string) => reader.kubeletCalls.filter((c) => c.node === node).map((c) => `${(c.at - T0) / 1000} ${c.read}`);
    // node-1 is not on screen: its summary every 30 s, /metrics/resource in between
    expect(of('node-1')).toEqual(['0 summary', '5 resource', '10 resource', '15 resource', '20 resource', '25 resource', '30 summary']);
    // node-0 is on screen: a summary every poll brings everything
    expect(of('node-0').every((c) => c.endsWith('summary'))).toBe(true);
    // the summary at 30 s brought CPU and memory itself: nothing older stands in for it
    expect(s.resourceUsage().get('node-1')).toBeUndefined();
  });

  it('the CPU rate takes the last counters, from a summary or a resource read', async () => {
    const reader = new FakeClusterReader(undefined, undefined, undefined, undefined, (node) =>
      nodeSummary(node, { counters: counters(node, 100, T0) }),
    ).withResource((node, call) => counters(node, 100 + 5 * call, T0 + call * 5000));
    const s = sweeper(reader, { backgroundRefreshMs: () => 30_000, usageRefreshMs: () => 5_000 });
    s.setNodes(['node-1']);
    s.start();
    await vi.advanceTimersByTimeAsync(5_000);
    // 5 core-seconds more in the 5 s between the summary and the resource read: a core
    expect(s.resourceUsage().get('node-1')?.node).toMatchObject({ cpuMilli: 1000, memoryBytes: 1000, timestamp: T0 + 5000 });
  });

  it('a failed resource read is forgotten, problem and all, once the Metrics API answers again', async () => {
    let using = true;
    const reader = new FakeClusterReader(undefined, undefined, undefined, undefined, (node) =>
      nodeSummary(node, { counters: counters(node, 100, T0) }),
    ).withResource(() => {
      throw new KubeError('unreachable', 'cannot reach https://x: connection refused');
    });
    const s = sweeper(reader, { backgroundRefreshMs: () => 30_000, usageRefreshMs: () => (using ? 5_000 : null) });
    s.setNodes(['node-1']);
    s.start();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(s.currentProblems().map((p) => p.message)).toEqual([expect.stringContaining('/metrics/resource: cannot reach')]);
    using = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.currentProblems()).toEqual([]);
  });

  it('not read while the Metrics API answers', async () => {
    const reader = new FakeClusterReader().withResource((node) => counters(node, 1));
    const s = sweeper(reader, { backgroundRefreshMs: () => 30_000, usageRefreshMs: () => null });
    s.setNodes(names(3));
    s.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reader.kubeletCalls.some((c) => c.read === 'resource')).toBe(false);
  });
});

describe('one budget for every kubelet read', () => {
  it('summaries, cAdvisor and /metrics/resource together never pass --kubelet-qps after the burst', async () => {
    const reader = new FakeClusterReader(undefined, undefined, undefined, undefined, (node) =>
      delayed(50, () => nodeSummary(node, { counters: counters(node, 1, Date.now()) })),
    )
      .withCadvisor((_node, call) => delayed(200, () => cfs(100 * call, 10 * call)))
      .withResource((node) => delayed(20, () => counters(node, 2, Date.now())));
    const s = sweeper(reader, {
      qps: 5,
      burst: 5,
      concurrency: 8,
      refreshMs: 2_000,
      backgroundRefreshMs: () => 4_000,
      usageRefreshMs: () => 2_000,
    });
    s.setNodes(names(40));
    s.prioritize(names(2));
    s.prioritizePods(names(4).slice(2));
    s.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const kinds = new Set(reader.kubeletCalls.map((c) => c.read));
    expect(kinds).toEqual(new Set(['summary', 'cadvisor', 'resource']));
    // the burst at once, then at most 5 in any second
    expect(reader.kubeletCalls.filter((c) => c.at === T0)).toHaveLength(5);
    for (let t = T0 + 1; t < T0 + 59_000; t += 250) expect(reader.readsInSecond(t)).toBeLessThanOrEqual(5);
    // the budget is spent: 5 + 5 a second for 60 s
    expect(reader.kubeletCalls.length).toBeGreaterThanOrEqual(300);
    expect(reader.kubeletCalls.length).toBeLessThanOrEqual(305);
    expect(reader.maxActiveSummaries).toBeLessThanOrEqual(8);
  });

  it('configz reads take their tokens from the same budget', async () => {
    const reader = new FakeClusterReader().withCadvisor((_node, call) => cfs(100 * call, 10 * call));
    const bucket = new TokenBucket(4, 4);
    const s = sweeper(reader, { qps: 4, burst: 4, bucket, backgroundRefreshMs: () => 5_000 });
    const configz: number[] = [];
    const eviction = new EvictionReader({
      reader: {
        kubeletEviction: async () => {
          configz.push(Date.now());
          return {};
        },
      },
      bucket,
    });
    s.setNodes(names(30));
    s.prioritizePods(['node-1']);
    eviction.setNodes(names(30));
    s.start();
    eviction.start();
    await vi.advanceTimersByTimeAsync(30_000);
    eviction.stop();
    const all = [...reader.kubeletCalls.map((c) => c.at), ...configz].sort((a, b) => a - b);
    expect(configz.length).toBeGreaterThan(5);
    for (let t = T0 + 1; t < T0 + 29_000; t += 250) expect(all.filter((a) => a >= t && a < t + 1000).length).toBeLessThanOrEqual(4);
    expect(all.length).toBeLessThanOrEqual(4 + 4 * 30);
  });

  it('the nodes of pods on screen get their cAdvisor reads though background summaries want the whole budget', async () => {
    const reader = new FakeClusterReader().withCadvisor((_node, call) => cfs(100 * call, 10 * call));
    const s = sweeper(reader, { qps: 2, burst: 1, backgroundRefreshMs: () => 5_000 });
    s.setNodes(names(100));
    s.prioritizePods(['node-50']);
    s.start();
    await vi.advanceTimersByTimeAsync(30_000);
    const cadvisor = reader.kubeletCalls.filter((c) => c.read === 'cadvisor').map((c) => c.at - T0);
    expect(cadvisor.length).toBeGreaterThanOrEqual(3);
    expect(cadvisor[1]).toBeLessThanOrEqual(11_000);
  });
});
