import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KubeletSweeper, type SweeperOptions } from '../../src/collect/kubelet-sweeper.js';
import { KubeError } from '../../src/kube/kube-error.js';
import { delayed, FakeClusterReader } from '../helpers/fake-cluster-reader.js';
import { nodeSummary } from '../helpers/records.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');
const names = (n: number) => Array.from({ length: n }, (_, i) => `node-${i}`);
const forbidden = () => new KubeError('forbidden', 'forbidden: needs get nodes/proxy', { status: 403 });

let sweepers: KubeletSweeper[] = [];
function sweeper(reader: FakeClusterReader, over: Partial<SweeperOptions> = {}): KubeletSweeper {
  const s = new KubeletSweeper({ reader, concurrency: 4, qps: 1000, burst: 1000, refreshMs: 10_000, ...over });
  sweepers.push(s);
  return s;
}

/** Resolves-or-not probe for a promise, without waiting for it. */
function track(p: Promise<unknown>): { done: boolean } {
  const state = { done: false };
  void p.then(() => {
    state.done = true;
  });
  return state;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  for (const s of sweepers) s.stop();
  sweepers = [];
  vi.useRealTimers();
});

describe('KubeletSweeper', () => {
  it('never has more than `concurrency` reads in flight, and sweepOnce waits for every node', async () => {
    const reader = new FakeClusterReader();
    reader.summary = (node) => delayed(1000, () => nodeSummary(node));
    const s = sweeper(reader, { concurrency: 3 });
    s.setNodes(names(10));
    const sweep = track(s.sweepOnce());
    // 10 nodes, 3 at a time, 1 s each: rounds end at 1, 2, 3 and 4 s
    await vi.advanceTimersByTimeAsync(3999);
    expect(sweep.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sweep.done).toBe(true);
    expect(reader.maxActiveSummaries).toBe(3);
    expect(reader.summaryCalls).toHaveLength(10);
    expect([...s.summaries().keys()].sort()).toEqual(names(10).sort());
  });

  it('a slow node holds one slot only; the others are read meanwhile', async () => {
    const reader = new FakeClusterReader();
    reader.summary = (node) => delayed(node === 'node-0' ? 30_000 : 100, () => nodeSummary(node));
    const s = sweeper(reader, { concurrency: 2 });
    s.setNodes(names(6));
    const sweep = track(s.sweepOnce());
    // five fast nodes through the one free slot: 5 × 100 ms
    await vi.advanceTimersByTimeAsync(500);
    expect([...s.summaries().keys()].sort()).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    expect(sweep.done).toBe(false);
    await vi.advanceTimersByTimeAsync(29_500);
    expect(sweep.done).toBe(true);
    expect(s.summaries().has('node-0')).toBe(true);
  });

  it('the token bucket spaces reads at the requests-per-second budget after the burst', async () => {
    const reader = new FakeClusterReader();
    const s = sweeper(reader, { concurrency: 10, qps: 2, burst: 1 });
    s.setNodes(names(6));
    const sweep = track(s.sweepOnce());
    await vi.advanceTimersByTimeAsync(3000);
    expect(sweep.done).toBe(true);
    // one at once (the burst), then one every 1/2 s
    expect(reader.summaryCalls.map((c) => c.at - T0)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
  });

  it('prioritized nodes are read first', async () => {
    const reader = new FakeClusterReader();
    reader.summary = (node) => delayed(10, () => nodeSummary(node));
    const s = sweeper(reader, { concurrency: 1 });
    s.prioritize(['node-4', 'node-2']);
    s.setNodes(names(5));
    const sweep = track(s.sweepOnce());
    await vi.advanceTimersByTimeAsync(100);
    expect(sweep.done).toBe(true);
    const order = reader.summaryCalls.map((c) => c.node);
    expect(new Set(order.slice(0, 2))).toEqual(new Set(['node-4', 'node-2']));
    expect(order.slice(2)).toEqual(['node-0', 'node-1', 'node-3']);
  });

  it('when the budget cannot keep every node fresh, nodes are read in turn, the one read longest ago first', async () => {
    const reader = new FakeClusterReader();
    reader.summary = (node) => delayed(node === 'node-1' ? 1500 : 10, () => nodeSummary(node));
    const s = sweeper(reader, { concurrency: 2, qps: 1, burst: 1, refreshMs: 100 });
    s.setNodes(names(4));
    s.start();
    await vi.advanceTimersByTimeAsync(7_500);
    // One read a second; node-1's slow answer does not let it jump the line when it comes back.
    expect(reader.summaryCalls.map((c) => c.node)).toEqual([...names(4), ...names(4)]);
  });

  it('nodes marked urgent by their last summary are re-read before the rest', async () => {
    const reader = new FakeClusterReader();
    const s = sweeper(reader, { concurrency: 1, refreshMs: 1000, urgent: (summary) => summary.nodeName === 'node-3' });
    s.setNodes(names(4));
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(reader.summaryCalls.map((c) => c.node)).toEqual(names(4));
    reader.summaryCalls.length = 0;
    // every node is due again after refreshMs; node-3 goes first
    await vi.advanceTimersByTimeAsync(1000);
    expect(reader.summaryCalls[0]?.node).toBe('node-3');
    expect(reader.summaryCalls).toHaveLength(4);
  });

  it('a forbidden answer pauses kubelet reads and says why, then probes once a minute', async () => {
    const reader = new FakeClusterReader();
    let allowed = false;
    reader.summary = async (node) => {
      if (!allowed) throw forbidden();
      return nodeSummary(node);
    };
    const s = sweeper(reader, { concurrency: 1 });
    s.setNodes(names(5));
    // sweepOnce gives up at once: no node will answer
    await s.sweepOnce();
    expect(reader.summaryCalls).toHaveLength(1);
    expect(s.offReason()).toBe('nodes/proxy forbidden: disk unknown (needs get nodes/proxy)');
    expect(s.currentProblems()).toEqual([
      { source: 'kubelet', kind: 'forbidden', node: 'node-0', message: 'kubelet on node-0: forbidden: needs get nodes/proxy', since: T0 },
    ]);

    s.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(reader.summaryCalls).toHaveLength(1);
    allowed = true;
    await vi.advanceTimersByTimeAsync(1);
    expect(reader.summaryCalls[1]?.at).toBe(T0 + 60_000);
    expect(s.offReason()).toBeNull();
    // permission granted: every node is read right after the probe
    expect(s.summaries().size).toBe(5);
    expect(s.currentProblems()).toEqual([]);
  });

  it('sweepOnce resolves once each node answered or failed, keeping the failures as problems', async () => {
    const reader = new FakeClusterReader();
    reader.summary = (node) =>
      node === 'node-1'
        ? delayed(2000, () => {
            throw new KubeError('timeout', 'no answer from https://api within 2s');
          })
        : delayed(node === 'node-2' ? 3000 : 10, () => nodeSummary(node));
    const s = sweeper(reader);
    s.setNodes(names(3));
    const sweep = track(s.sweepOnce());
    await vi.advanceTimersByTimeAsync(2999);
    expect(sweep.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sweep.done).toBe(true);
    expect([...s.summaries().keys()].sort()).toEqual(['node-0', 'node-2']);
    expect(s.currentProblems()).toMatchObject([
      { source: 'kubelet', kind: 'timeout', node: 'node-1', message: 'kubelet on node-1: no answer from https://api within 2s' },
    ]);
    expect(s.offReason()).toBeNull();
  });

  it('sweepOnce reads each node once, even when nodes are due again at once (one-shot faces poll with interval 0)', async () => {
    const reader = new FakeClusterReader();
    reader.summary = (node) => delayed(50, () => nodeSummary(node));
    const s = sweeper(reader, { concurrency: 8, qps: 20, burst: 40, refreshMs: 0 });
    s.setNodes(names(3));
    const sweep = track(s.sweepOnce());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reader.summaryCalls.map((c) => c.node).sort()).toEqual(names(3));
    expect(sweep.done).toBe(true);
  });

  it('sweepOnce with no nodes resolves at once', async () => {
    await expect(sweeper(new FakeClusterReader()).sweepOnce()).resolves.toBe(0);
  });

  it('vanished nodes are dropped with their summaries and problems', async () => {
    const reader = new FakeClusterReader();
    reader.summary = async (node) => {
      if (node === 'node-2') throw new KubeError('unavailable', 'unavailable (503): service unavailable');
      return nodeSummary(node);
    };
    const s = sweeper(reader);
    s.setNodes(names(3));
    await s.sweepOnce();
    expect(s.summaries().size).toBe(2);
    expect(s.currentProblems()).toHaveLength(1);
    s.setNodes(['node-1']);
    expect([...s.summaries().keys()]).toEqual(['node-1']);
    expect(s.currentProblems()).toEqual([]);
  });

  it('in the background: successes are refreshed every refreshMs, failures back off per node', async () => {
    const reader = new FakeClusterReader();
    reader.summary = async (node) => {
      if (node === 'bad') throw new KubeError('unreachable', 'dropped');
      return nodeSummary(node);
    };
    const s = sweeper(reader, { refreshMs: 10_000 });
    s.setNodes(['good', 'bad']);
    s.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const times = (node: string) => reader.summaryCalls.filter((c) => c.node === node).map((c) => (c.at - T0) / 1000);
    expect(times('good')).toEqual([0, 10, 20, 30, 40, 50, 60]);
    // 5 s after the first failure, then 10, 20, 40 (doubling)
    expect(times('bad')).toEqual([0, 5, 15, 35]);
  });

  it('a Retry-After on a failure is honoured for that node', async () => {
    const reader = new FakeClusterReader();
    reader.summary = async () => {
      throw new KubeError('throttled', 'throttled (429)', { status: 429, retryAfterMs: 30_000 });
    };
    const s = sweeper(reader);
    s.setNodes(['n']);
    s.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reader.summaryCalls.map((c) => (c.at - T0) / 1000)).toEqual([0, 30, 60]);
  });

  it('re-reads wanted and alerting nodes every refresh, the rest at the slower background pace', async () => {
    const reader = new FakeClusterReader();
    const full = { capacityBytes: 100, availableBytes: 5, usedBytes: 95 };
    reader.summary = (node) => nodeSummary(node, node === 'node-2' ? { fs: full } : {});
    const s = sweeper(reader, {
      refreshMs: 5_000,
      backgroundRefreshMs: () => 30_000,
      urgent: (summary) => summary.fs !== null,
    });
    s.setNodes(names(4));
    s.prioritize(['node-0']);
    s.start();
    await vi.advanceTimersByTimeAsync(29_000);
    const reads = (node: string) => reader.summaryCalls.filter((c) => c.node === node).length;
    // In 29 s: the first read, then every 5 s for the wanted node-0 and the full-disk node-2.
    expect(reads('node-0')).toBe(6);
    expect(reads('node-2')).toBe(6);
    expect(reads('node-1')).toBe(1);
    expect(reads('node-3')).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reads('node-1')).toBe(2);
  });

  it('sweepOnce stops at its deadline and says how many nodes were not read', async () => {
    const reader = new FakeClusterReader();
    reader.summary = (node) => delayed(1000, () => nodeSummary(node));
    // 10 nodes, 2 at a time, 1 s each: by the 2.5 s deadline only 4 have answered.
    const s = sweeper(reader, { concurrency: 2 });
    s.setNodes(names(10));
    const result = s.sweepOnce(Date.now() + 2500);
    await vi.advanceTimersByTimeAsync(2500);
    await expect(result).resolves.toBe(6);
    expect(s.summaries().size).toBe(4);
  });

  it('a read whose connection was reset before the answer is asked again at once, within the budget, as client-go retries a GET', async () => {
    const reader = new FakeClusterReader();
    const resets = new Map<string, number>();
    reader.summary = (node) => {
      const n = resets.get(node) ?? 0;
      // Every node's first two reads are reset; the third answers.
      if (n < 2) {
        resets.set(node, n + 1);
        throw new KubeError('unreachable', 'connection to https://x reset before any answer', { retryable: true });
      }
      return nodeSummary(node);
    };
    const s = sweeper(reader, { qps: 10, burst: 3 });
    s.setNodes(names(3));
    const unread = s.sweepOnce();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await unread).toBe(0);
    expect(s.currentProblems()).toEqual([]);
    expect(s.summaries().size).toBe(3);
    // Nine reads under a budget of a burst of 3 and 10/s: the retries waited for their tokens.
    const times = reader.summaryCalls.map((c) => c.at - T0);
    expect(times).toHaveLength(9);
    expect(times.filter((t) => t < 100)).toHaveLength(3);
  });

  it('a kubelet that answers 500 is not asked again at once: it backs off', async () => {
    const reader = new FakeClusterReader();
    reader.summary = () => {
      throw new KubeError('server-error', 'HTTP 500: Internal Error', { status: 500, retryable: true });
    };
    const s = sweeper(reader);
    s.setNodes(names(1));
    expect(await s.sweepOnce()).toBe(0);
    expect(reader.summaryCalls).toHaveLength(1);
    expect(s.currentProblems()).toHaveLength(1);
  });
});
