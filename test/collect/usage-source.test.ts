import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageSource } from '../../src/collect/usage-source.js';
import { KubeError } from '../../src/kube/kube-error.js';
import type { NodeUsage } from '../../src/model/records.js';
import type { FetchedSummary } from '../../src/model/snapshot.js';
import { delayed, FakeClusterReader } from '../helpers/fake-cluster-reader.js';
import { nodeSummary, podUsage } from '../helpers/records.js';

const fromApi: NodeUsage = { name: 'n1', cpuMilli: 500, memoryBytes: 1000, timestamp: 1 };
const fromKubelet: NodeUsage = { name: 'n1', cpuMilli: 600, memoryBytes: 2000, timestamp: 2 };
const summaries = new Map<string, FetchedSummary>([
  ['n1', { summary: nodeSummary('n1', { usage: fromKubelet, pods: [podUsage('shop', 'web-1', 7, 70)] }), fetchedAt: 4000, podsKept: true }],
  ['n2', { summary: nodeSummary('n2'), fetchedAt: 4500 }],
]);

/** A Metrics API whose node and pod reads both fail with `error` until it recovers. */
function failingWith(error: () => Error) {
  const reader = new FakeClusterReader();
  let failing = true;
  reader.nodeUsage = () => {
    if (failing) throw error();
    return [fromApi];
  };
  reader.podUsage = () => {
    if (failing) throw error();
    return [];
  };
  return { reader, recover: () => (failing = false) };
}

const notFound = () => new KubeError('not-found', 'not found: the server could not find the requested resource', { status: 404 });
const unavailable = (retryAfterMs: number | null = null) =>
  new KubeError('unavailable', 'unavailable (503): service unavailable', { status: 503, retryAfterMs });

describe('UsageSource', () => {
  // Reads are given their time (`now`), but a failure's backoff also counts the real time the read
  // took: frozen here, or a millisecond lost on a busy machine puts a retry due at 10 s at 10.001 s.
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('reads the Metrics API when it answers', async () => {
    const reader = new FakeClusterReader();
    reader.nodeUsage = () => [fromApi];
    reader.podUsage = () => [podUsage('shop', 'web-1', 5, 50)];
    const reading = await new UsageSource({ reader, namespace: null, summaries: () => summaries }).read(1000);
    expect(reading.source).toBe('metrics-api');
    expect(reading.problems).toEqual([]);
    expect(reading.at).toBe(1000);
    expect(reading.nodeUsage.get('n1')).toEqual(fromApi);
    expect(reading.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(5);
  });

  it.each<[string, () => Error, string]>([
    ['404 (metrics-server not installed)', notFound, 'metrics-server not installed: using kubelet summaries'],
    ['503 (metrics-server down)', () => unavailable(), 'metrics-server unavailable: using kubelet summaries'],
    [
      '403',
      () => new KubeError('forbidden', 'forbidden: needs list nodes.metrics.k8s.io', { status: 403 }),
      'Metrics API forbidden: needs list nodes.metrics.k8s.io: using kubelet summaries',
    ],
    [
      'a timeout',
      () => new KubeError('timeout', 'no answer within 10s'),
      'Metrics API failed (no answer within 10s): using kubelet summaries',
    ],
  ])('falls back to kubelet summaries on %s and says so', async (_, error, message) => {
    const { reader } = failingWith(error);
    const reading = await new UsageSource({ reader, namespace: null, summaries: () => summaries }).read(5000);
    expect(reading.source).toBe('kubelet');
    expect(reading.problems[0]?.message).toBe(message);
    expect(reading.nodeUsage.get('n1')).toEqual({ ...fromKubelet, from: 'summary' });
    expect(reading.nodeUsage.has('n2')).toBe(false);
    expect(reading.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(7);
    // the time of the newest summary that carries figures (n2's has none)
    expect(reading.at).toBe(4000);
  });

  it('node and pod metrics fail apart: pod metrics failing keep the nodes’ fresh figures, pods come from summaries', async () => {
    const reader = new FakeClusterReader();
    reader.nodeUsage = () => [fromApi];
    reader.podUsage = () => {
      throw new KubeError('unreachable', 'connection to https://x dropped mid-response');
    };
    const reading = await new UsageSource({ reader, namespace: null, summaries: () => summaries }).read(5000);
    expect(reading).toMatchObject({ source: 'metrics-api', podSource: 'kubelet', at: 4000 });
    expect(reading.nodeUsage.get('n1')).toEqual(fromApi);
    expect(reading.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(7);
    expect(reading.problems.map((p) => p.message)).toEqual([
      'pod metrics: connection to https://x dropped mid-response: using kubelet summaries',
    ]);
  });

  it('node metrics failing keep the pods’ fresh figures; nodes come from summaries', async () => {
    const reader = new FakeClusterReader();
    reader.nodeUsage = () => {
      throw unavailable();
    };
    reader.podUsage = () => [podUsage('shop', 'web-1', 5, 50)];
    const reading = await new UsageSource({ reader, namespace: null, summaries: () => summaries }).read(5000);
    expect(reading).toMatchObject({ source: 'kubelet', podSource: 'metrics-api' });
    expect(reading.nodeUsage.get('n1')).toEqual({ ...fromKubelet, from: 'summary' });
    expect(reading.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(5);
  });

  it('a failing read shows its last figures while they are newer than any summary', async () => {
    const reader = new FakeClusterReader();
    let fail = false;
    reader.nodeUsage = () => [fromApi];
    reader.podUsage = () => {
      if (fail) throw unavailable();
      return [podUsage('shop', 'web-1', 5, 50)];
    };
    const source = new UsageSource({ reader, namespace: null, summaries: () => summaries });
    await source.read(10_000);
    fail = true;
    const reading = await source.read(20_000);
    // The summaries were read at 4000, before the metrics at 10 000: the metrics' figures stay.
    expect(reading).toMatchObject({ source: 'metrics-api', podSource: 'metrics-api', at: 10_000 });
    expect(reading.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(5);
    expect(reading.nodeUsage.get('n1')).toEqual(fromApi);
    expect(reading.problems[0]?.message).toBe('pod metrics: metrics-server unavailable: CPU/memory not refreshed');
  });

  it('retries the Metrics API on a doubling schedule and returns to it', async () => {
    const { reader, recover } = failingWith(notFound);
    const usage = new UsageSource({ reader, namespace: null, summaries: () => summaries });
    const sources: string[] = [];
    for (const now of [0, 5000, 9999, 10_000, 20_000, 29_999, 30_000]) {
      if (now === 30_000) recover();
      sources.push((await usage.read(now)).source);
    }
    // attempts at 0 (fails, retry in 10 s), 10 s (fails, retry in 20 s), 30 s (answers)
    expect(reader.calls.nodeMetrics).toHaveLength(3);
    expect(sources).toEqual(['kubelet', 'kubelet', 'kubelet', 'kubelet', 'kubelet', 'kubelet', 'metrics-api']);
    expect(usage.current().problems).toEqual([]);
  });

  it('honours a Retry-After longer than its own schedule', async () => {
    const { reader } = failingWith(() => unavailable(60_000));
    const usage = new UsageSource({ reader, namespace: null, summaries: () => summaries });
    for (const now of [0, 10_000, 59_999, 60_000]) await usage.read(now);
    expect(reader.calls.nodeMetrics).toHaveLength(2);
  });

  it('without kubelet reads: unknown at first, then the last good figures marked not refreshed', async () => {
    const reader = new FakeClusterReader();
    let calls = 0;
    reader.nodeUsage = () => {
      calls++;
      if (calls === 2) return [fromApi];
      throw notFound();
    };
    // Asked again a second after failing: the read at 10 s must not fall inside the backoff, which
    // counts from the real time the first read ended (a loaded machine makes that late).
    const usage = new UsageSource({ reader, namespace: null, summaries: null, retryBaseMs: 1_000 });
    const first = await usage.read(0);
    expect(first).toMatchObject({
      source: 'none',
      at: null,
      problems: [{ kind: 'not-found', message: 'node metrics: metrics-server not installed: CPU/memory unknown' }],
    });
    expect(first.nodeUsage.size).toBe(0);
    const good = await usage.read(10_000);
    expect(good).toMatchObject({ source: 'metrics-api', at: 10_000, problems: [] });
    const stale = await usage.read(20_000);
    expect(stale).toMatchObject({
      source: 'metrics-api',
      at: 10_000,
      problems: [{ message: 'node metrics: metrics-server not installed: CPU/memory not refreshed' }],
    });
    expect(stale.nodeUsage.get('n1')).toEqual(fromApi);
  });

  it('reports items left out of a Metrics API answer', async () => {
    const reader = new FakeClusterReader();
    reader.nodeMetrics = async () => ({ items: [fromApi], skipped: 2, firstProblem: 'usage.cpu: not a Kubernetes quantity' });
    const reading = await new UsageSource({ reader, namespace: null, summaries: null }).read(0);
    expect(reading.source).toBe('metrics-api');
    expect(reading.problems).toEqual([
      {
        kind: 'malformed',
        message: 'node metrics: Metrics API: 2 invalid items left out (usage.cpu: not a Kubernetes quantity)',
      },
    ]);
  });

  it('a programming error is not mistaken for a missing metrics-server', async () => {
    const { reader } = failingWith(() => new TypeError('boom'));
    await expect(new UsageSource({ reader, namespace: null, summaries: null }).read(0)).rejects.toThrow('boom');
  });

  describe('with podsWaitMs, as the live screen reads a big cluster', () => {
    function slowPods(failure: Error | null = null) {
      const reader = new FakeClusterReader();
      reader.nodeUsage = () => [fromApi];
      reader.podUsage = () =>
        delayed(3000, () => {
          if (failure) throw failure;
          return [podUsage('shop', 'web-1', 5, 50)];
        });
      let late = 0;
      const source = new UsageSource({ reader, namespace: null, summaries: null, intervalMs: 1000, podsWaitMs: 1000 });
      source.onLate(() => late++);
      return { reader, source, late: () => late };
    }

    it('answers with the nodes once the wait is over; the pods come later, and are not asked for again meanwhile', async () => {
      const { reader, source, late } = slowPods();
      const first = source.read(0);
      await vi.advanceTimersByTimeAsync(1000);
      const reading = await first;
      expect(reading.nodeUsage.get('n1')).toEqual(fromApi);
      expect(reading.podUsage.size).toBe(0);
      expect(reading.problems).toEqual([]);
      expect((await source.read(2000)).podUsage.size).toBe(0);
      await vi.advanceTimersByTimeAsync(2000);
      expect(late()).toBe(1);
      expect(source.current().podUsage.get('shop', 'web-1')?.cpuMilli).toBe(5);
      expect(reader.calls.podMetrics).toHaveLength(1);
    });

    it('pod metrics that fail later are a failed read: reported, and retried on the backoff schedule', async () => {
      const { reader, source, late } = slowPods(unavailable());
      const first = source.read(0);
      await vi.advanceTimersByTimeAsync(3000);
      await first;
      expect(late()).toBe(1);
      expect(source.current().problems[0]?.message).toBe('pod metrics: metrics-server unavailable: CPU/memory unknown');
      // The nodes' figures, read before, stay.
      expect(source.current().nodeUsage.get('n1')).toEqual(fromApi);
      await source.read(3500);
      expect(reader.calls.podMetrics).toHaveLength(1);
    });
  });
});
