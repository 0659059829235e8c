import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector, type CollectorOptions } from '../../src/collect/collector.js';
import { WatchInventory } from '../../src/collect/watch-inventory.js';
import { KubeError } from '../../src/kube/kube-error.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import type { NodeUsage } from '../../src/model/records.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { delayed, FakeClusterReader } from '../helpers/fake-cluster-reader.js';
import { nodeInfo, nodeSummary, podInfo, podUsage } from '../helpers/records.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');
const SERVER = 'https://10.0.0.1:6443';
const INTERVAL = 5000;
const refused = () => new KubeError('unreachable', `cannot reach ${SERVER}: connection refused`);
const secondsSinceStart = (times: number[]) => times.map((t) => (t - T0) / 1000);

const nodes = [nodeInfo('n1'), nodeInfo('n2')];
const pods = [podInfo('web-1', { namespace: 'shop', nodeName: 'n1' })];
const usage = (name: string, cpuMilli: number, timestamp: number): NodeUsage => ({
  name,
  cpuMilli,
  memoryBytes: cpuMilli * 1000,
  timestamp,
});

function healthyReader(): FakeClusterReader {
  const reader = new FakeClusterReader();
  reader.nodes = () => nodes;
  reader.pods = () => pods;
  reader.nodeUsage = () => [usage('n1', 100, T0), usage('n2', 200, T0)];
  reader.podUsage = () => [podUsage('shop', 'web-1', 10, 100, T0)];
  return reader;
}

let collectors: Collector[] = [];
function collector(reader: FakeClusterReader, over: Partial<CollectorOptions> = {}) {
  const c = new Collector({
    reader,
    scope: { context: 'ctx', cluster: 'c', server: SERVER, namespace: null },
    intervalMs: INTERVAL,
    kubelet: null,
    historyDepth: { nodes: 8, pods: 8 },
    ...over,
  });
  collectors.push(c);
  const snapshots: Snapshot[] = [];
  c.subscribe((s) => snapshots.push(s));
  return { c, snapshots };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  for (const c of collectors) c.stop();
  collectors = [];
  vi.useRealTimers();
});

describe('Collector', () => {
  it('polls at once and then every interval, emitting a snapshot to each subscriber', async () => {
    const { c, snapshots } = collector(healthyReader());
    c.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(snapshots).toHaveLength(1);
    const [first] = snapshots;
    expect(first).toMatchObject({
      seq: 1,
      takenAt: T0,
      intervalMs: INTERVAL,
      inventoryAt: T0,
      metricsSource: 'metrics-api',
      metricsAt: T0,
    });
    expect(first?.nodes.map((n) => n.name)).toEqual(['n1', 'n2']);
    expect(first?.nodeUsage.get('n2')?.cpuMilli).toBe(200);
    expect(first?.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(10);
    expect(first?.problems).toEqual([]);

    // a late subscriber gets the latest snapshot at once; an unsubscribed one nothing more
    const late: Snapshot[] = [];
    const unsubscribe = c.subscribe((s) => late.push(s));
    expect(late.map((s) => s.seq)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    unsubscribe();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(late.map((s) => s.seq)).toEqual([1, 2]);
    expect(snapshots.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(c.latest()?.seq).toBe(3);
  });

  it('with watches: the nodes are drawn first while a big pod list is still coming, its pods the moment it is in', async () => {
    const reader = healthyReader();
    reader.pods = () => delayed(3000, () => pods);
    // Watches that stay open, quietly, until the collector stops.
    const quiet = (w: { readonly signal?: AbortSignal; readonly onOpen?: () => void }) =>
      new Promise<void>((resolve) => {
        w.onOpen?.();
        w.signal?.addEventListener('abort', () => resolve());
      });
    const watching = Object.assign(reader, { watchNodes: quiet, watchPods: quiet });
    const { c, snapshots } = collector(reader, { inventory: new WatchInventory({ reader: watching, namespace: null }) });
    c.start();
    await vi.advanceTimersByTimeAsync(1000);
    const first = snapshots[0] as Snapshot;
    expect(snapshots).toHaveLength(1);
    expect(first.nodes.map((n) => n.name)).toEqual(['n1', 'n2']);
    expect(first.nodeUsage.get('n1')?.cpuMilli).toBe(100);
    expect(first.podsListed).toBe(false);
    expect(buildNodeRows(first, DEFAULT_THRESHOLDS).map((r) => r.pods.count)).toEqual([null, null]);

    await vi.advanceTimersByTimeAsync(2000);
    // The poll the list's arrival sets off runs at once (at 3 s), not at the next interval (5 s).
    await vi.advanceTimersByTimeAsync(100);
    const listedAt = snapshots.find((s) => s.podsListed);
    expect(listedAt?.pods.map((p) => p.name)).toEqual(['web-1']);
    expect((listedAt?.takenAt ?? Number.POSITIVE_INFINITY) - T0).toBeLessThanOrEqual(3100);
    expect(buildNodeRows(listedAt as Snapshot, DEFAULT_THRESHOLDS).map((r) => r.pods.count)).toEqual([1, 0]);
    expect(reader.calls.listPods).toHaveLength(1);
  });

  it('with podMetricsWaitMs: the nodes\u2019 figures first while big pod metrics are still coming, the pods\u2019 the moment they are in', async () => {
    const reader = healthyReader();
    reader.podUsage = () => delayed(3000, () => [podUsage('shop', 'web-1', 10, 100, T0)]);
    const { c, snapshots } = collector(reader, { podMetricsWaitMs: 1000 });
    c.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.nodeUsage.get('n1')?.cpuMilli).toBe(100);
    expect(snapshots[0]?.podUsage.size).toBe(0);
    expect(snapshots[0]?.problems).toEqual([]);

    await vi.advanceTimersByTimeAsync(2100);
    const withPods = snapshots.find((s) => s.podUsage.size > 0);
    expect(withPods?.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(10);
    // Drawn when the metrics came (3 s), not at the next poll (5 s); fetched once, not again meanwhile.
    expect((withPods?.takenAt ?? Number.POSITIVE_INFINITY) - T0).toBeLessThanOrEqual(3100);
    expect(reader.calls.podMetrics).toHaveLength(1);
  });

  it('with podMetricsWaitMs: pod metrics that fail after the first frame say so, as a failed read does', async () => {
    const reader = healthyReader();
    reader.podUsage = () =>
      delayed(3000, () => {
        throw new KubeError('unavailable', 'unavailable (503): service unavailable', { status: 503 });
      });
    const { c, snapshots } = collector(reader, { podMetricsWaitMs: 1000 });
    c.start();
    await vi.advanceTimersByTimeAsync(3100);
    expect(snapshots.at(-1)?.problems.map((p) => p.message)).toContain('pod metrics: metrics-server unavailable: CPU/memory unknown');
    // The nodes' figures, which came, stay.
    expect(snapshots.at(-1)?.nodeUsage.size).toBeGreaterThan(0);
  });

  it('the interval runs from the start of a poll, not its end', async () => {
    const reader = healthyReader();
    reader.nodes = () => delayed(2000, () => nodes);
    const { c } = collector(reader);
    c.start();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(secondsSinceStart(reader.calls.listNodes)).toEqual([0, 5, 10, 15]);
  });

  it('never overlaps its own refreshes: a slow list holds the next poll back', async () => {
    const reader = healthyReader();
    let active = 0;
    let maxActive = 0;
    reader.nodes = () => {
      active++;
      maxActive = Math.max(maxActive, active);
      return delayed(12_000, () => {
        active--;
        return nodes;
      });
    };
    const { c, snapshots } = collector(reader);
    c.start();
    await vi.advanceTimersByTimeAsync(59_000);
    // each 12 s poll starts as soon as the previous one ends (a timer of 0, i.e. 1 ms, later), never beside it
    expect(secondsSinceStart(reader.calls.listNodes).map(Math.floor)).toEqual([0, 12, 24, 36, 48]);
    expect(maxActive).toBe(1);
    expect(snapshots).toHaveLength(4);
  });

  it.each<[string, number, number, number[]]>([
    // failing polls at 0, 5, 15, 35 (delays 5, 10, 20, 40 s), answers from 75 s on, then every 5 s again
    ['recovering after four failures', 4, 86_000, [0, 5, 15, 35, 75, 80, 85]],
    // the doubling stops at 60 s
    ['failing for good', Number.POSITIVE_INFINITY, 200_000, [0, 5, 15, 35, 75, 135, 195]],
  ])('backs off while both lists fail: %s', async (_, failingPolls, runFor, expected) => {
    const reader = healthyReader();
    reader.nodes = (call) => {
      if (call <= failingPolls) throw refused();
      return nodes;
    };
    reader.pods = (call) => {
      if (call <= failingPolls) throw refused();
      return pods;
    };
    const { c } = collector(reader);
    c.start();
    await vi.advanceTimersByTimeAsync(runFor);
    expect(secondsSinceStart(reader.calls.listNodes)).toEqual(expected);
  });

  it('does not back off while one list still answers', async () => {
    const reader = healthyReader();
    reader.nodes = () => {
      throw refused();
    };
    const { c } = collector(reader);
    c.start();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(secondsSinceStart(reader.calls.listNodes)).toEqual([0, 5, 10, 15]);
  });

  it('honours Retry-After while the apiserver is throttling', async () => {
    const reader = healthyReader();
    const throttled = () => new KubeError('throttled', 'throttled (429): slow down', { status: 429, retryAfterMs: 30_000 });
    reader.nodes = () => {
      throw throttled();
    };
    reader.pods = () => {
      throw throttled();
    };
    const { c } = collector(reader);
    c.start();
    await vi.advanceTimersByTimeAsync(100_000);
    // max(30 s, 5 s), max(30 s, 10 s), max(30 s, 20 s), then the backoff's own 40 s
    expect(secondsSinceStart(reader.calls.listNodes)).toEqual([0, 30, 60, 90]);
  });

  it('keeps the last good nodes with their time when a refresh fails, and says why', async () => {
    const reader = healthyReader();
    reader.nodes = (call) => {
      if (call >= 2) throw refused();
      return nodes;
    };
    const { c, snapshots } = collector(reader);
    c.start();
    await vi.advanceTimersByTimeAsync(2 * INTERVAL);
    const [, second, third] = snapshots;
    expect(second?.nodes).toBe(snapshots[0]?.nodes);
    // nodes last read at T0, pods at the latest poll: the older time is the inventory's age
    expect(second?.inventoryAt).toBe(T0);
    expect(third?.inventoryAt).toBe(T0);
    const problem = {
      source: 'nodes',
      kind: 'unreachable',
      message: `nodes: cannot reach ${SERVER}: connection refused`,
      cause: `cannot reach ${SERVER}: connection refused`,
      since: T0 + INTERVAL,
    };
    expect(second?.problems).toEqual([problem]);
    // a problem that persists keeps the time it was first seen
    expect(third?.problems).toEqual([problem]);
  });

  describe.each<[string, () => KubeError, string]>([
    [
      'not found (404)',
      () => new KubeError('not-found', 'not found: the server could not find the requested resource', { status: 404 }),
      'metrics-server not installed',
    ],
    [
      'unavailable (503)',
      () => new KubeError('unavailable', 'unavailable (503): service unavailable', { status: 503 }),
      'metrics-server unavailable',
    ],
  ])('when the Metrics API answers %s', (_, error, why) => {
    it('uses kubelet summaries, says so, and returns to the Metrics API once it answers', async () => {
      const reader = healthyReader();
      let metricsUp = false;
      reader.nodeUsage = () => {
        if (!metricsUp) throw error();
        return [usage('n1', 100, T0), usage('n2', 200, T0)];
      };
      reader.podUsage = () => {
        if (!metricsUp) throw error();
        return [];
      };
      reader.summary = (node) =>
        nodeSummary(node, {
          usage: usage(node, node === 'n1' ? 111 : 222, T0),
          pods: node === 'n1' ? [podUsage('shop', 'web-1', 11, 110, T0)] : [],
        });
      const { c, snapshots } = collector(reader, { kubelet: { concurrency: 2, qps: 50, burst: 50 } });
      c.start();
      await vi.advanceTimersByTimeAsync(1000);
      const latest = snapshots.at(-1);
      expect(latest?.metricsSource).toBe('kubelet');
      expect(latest?.nodeUsage.get('n1')?.cpuMilli).toBe(111);
      expect(latest?.podMetricsSource).toBe('kubelet');
      expect(latest?.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(11);
      expect(latest?.problems).toContainEqual({
        cause: error().message,
        source: 'metrics',
        kind: error().kind,
        message: `${why}: using kubelet summaries`,
        since: T0,
      });

      metricsUp = true;
      await vi.advanceTimersByTimeAsync(9000);
      // not asked again before its retry is due (10 s), then back on the Metrics API
      expect(secondsSinceStart(reader.calls.nodeMetrics)).toEqual([0, 10]);
      const back = snapshots.at(-1);
      expect(back?.metricsSource).toBe('metrics-api');
      expect(back?.nodeUsage.get('n1')?.cpuMilli).toBe(100);
      expect(back?.problems.filter((p) => p.source === 'metrics')).toEqual([]);
    });
  });

  it('with --no-kubelet, says kubelet reads are off and disk is unknown', async () => {
    const reader = healthyReader();
    const { c, snapshots } = collector(reader, { kubelet: null });
    c.start();
    await vi.advanceTimersByTimeAsync(0);
    const snapshot = snapshots[0] as Snapshot;
    expect(snapshot.kubeletOff).toBe('kubelet reads off (--no-kubelet): disk unknown');
    expect(reader.summaryCalls).toEqual([]);
    expect(buildNodeRows(snapshot, DEFAULT_THRESHOLDS).map((r) => r.diskUnknown)).toEqual([snapshot.kubeletOff, snapshot.kubeletOff]);
  });

  it('while nodes/proxy is forbidden, kubeletOff says so', async () => {
    const reader = healthyReader();
    reader.summary = async () => {
      throw new KubeError('forbidden', 'forbidden: needs get nodes/proxy', { status: 403 });
    };
    const { c, snapshots } = collector(reader, { kubelet: { concurrency: 1, qps: 50, burst: 50 } });
    c.start();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(snapshots.at(-1)?.kubeletOff).toBe('nodes/proxy forbidden: disk unknown (needs get nodes/proxy)');
  });

  it('records a history sample only when the metrics timestamp changes, and frees vanished pods', async () => {
    const reader = healthyReader();
    // metrics-server refreshes every 15 s while kmon polls every 5 s
    const stamp = () => T0 + Math.floor((Date.now() - T0) / 15_000) * 15_000;
    reader.nodeUsage = () => [usage('n1', 100 + (Date.now() - T0) / 1000, stamp())];
    reader.podUsage = () => [podUsage('shop', 'web-1', 10, 100, stamp())];
    reader.pods = (call) => (call <= 7 ? pods : []);
    const { c } = collector(reader);
    c.start();
    await vi.advanceTimersByTimeAsync(30_000);
    const history = c.latest()?.history;
    // 7 polls (0 … 30 s) saw three timestamps: T0, T0+15 s, T0+30 s; the values are those of the first poll of each
    expect(history?.nodeUsage.read('uid-n1', 0)).toEqual([100, 115, 130]);
    expect(history?.podUsage.read('uid-web-1', 0)).toEqual([10, 10, 10]);
    // n2 has no metrics: no history
    expect(history?.nodeUsage.read('uid-n2', 0)).toEqual([]);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(c.latest()?.history.podUsage.read('uid-web-1', 0)).toEqual([]);
  });

  it("pollOnce('all') reads every node's kubelet exactly once before answering (as kmon top nodes does)", async () => {
    const reader = healthyReader();
    reader.summary = (node) => delayed(50, () => nodeSummary(node, { fs: { capacityBytes: 100, availableBytes: 40, usedBytes: 50 } }));
    // the one-shot faces build their collector with interval 0 and never start it
    const { c } = collector(reader, { intervalMs: 0, kubelet: { concurrency: 8, qps: 20, burst: 40 } });
    let answered: Snapshot | null = null;
    void c.pollOnce('all').then((s) => {
      answered = s;
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(answered).not.toBeNull();
    expect(reader.summaryCalls.map((s) => s.node).sort()).toEqual(['n1', 'n2']);
    const rows = buildNodeRows(answered as unknown as Snapshot, DEFAULT_THRESHOLDS);
    // 1 − 40/100 = 60%
    expect(rows.map((r) => r.disk.percent)).toEqual([60, 60]);
  });
});
