import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector } from '../../src/collect/collector.js';
import { KubeError } from '../../src/kube/kube-error.js';
import type { CumulativeUsage } from '../../src/model/cumulative-usage.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { FakeClusterReader } from '../helpers/fake-cluster-reader.js';
import { nodeInfo, nodeSummary } from '../helpers/records.js';

// Without metrics-server, CPU and memory come from the kubelets: every poll's worth from
// /metrics/resource (a few KB) between each node's summaries, which keep their disk cadence.

const T0 = Date.parse('2026-06-26T10:00:00Z');
const INTERVAL = 5000;
const missing = () => new KubeError('not-found', 'the server could not find the requested resource', { status: 404 });

/** A node whose CPU counter runs at one core: `cores`-seconds a second, read now. */
function counters(node: string, cores = 1): CumulativeUsage {
  const now = Date.now();
  return { nodeName: node, node: { cpuSeconds: ((now - T0) / 1000) * cores, memoryBytes: 3 * 2 ** 30, time: now }, pods: [] };
}

let collectors: Collector[] = [];
beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  for (const c of collectors) c.stop();
  collectors = [];
  vi.useRealTimers();
});

describe('the Metrics API missing: /metrics/resource between summaries', () => {
  it('keeps CPU and memory current every poll from /metrics/resource; summaries keep their disk cadence', async () => {
    const reader = new FakeClusterReader(
      () => [nodeInfo('n1'), nodeInfo('n2')],
      () => [],
      () => {
        throw missing();
      },
      () => {
        throw missing();
      },
      (node) =>
        nodeSummary(node, { usage: { name: node, cpuMilli: 1000, memoryBytes: 2 ** 30, timestamp: Date.now() }, counters: counters(node) }),
    ).withResource((node) => counters(node, 2));
    const c = new Collector({
      reader,
      scope: { context: 'ctx', cluster: 'c', server: 'https://h', namespace: null },
      intervalMs: INTERVAL,
      kubelet: { qps: 100, burst: 100, concurrency: 4, diskRefreshMs: 30_000 },
    });
    collectors.push(c);
    const shown: Snapshot[] = [];
    c.subscribe((s) => shown.push(s));
    c.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const reads = (node: string, read: string) => reader.kubeletCalls.filter((k) => k.node === node && k.read === read).length;
    // a minute: summaries every 30 s, /metrics/resource every poll in between
    expect(reads('n2', 'summary')).toBeLessThanOrEqual(3);
    expect(reads('n2', 'resource')).toBeGreaterThanOrEqual(8);
    const last = shown.at(-1) as Snapshot;
    expect(last.metricsSource).toBe('kubelet');
    // the resource counter runs at 2 cores: the figure is the rate between reads, not the summary's
    expect(last.nodeUsage.get('n2')).toMatchObject({ cpuMilli: 2000, from: 'resource' });
    const row = buildNodeRows(last, DEFAULT_THRESHOLDS).find((r) => r.name === 'n2');
    expect(row?.signals.sources.usage).toBe('/metrics/resource');
  });

  it('while the Metrics API answers, no /metrics/resource read is made', async () => {
    const reader = new FakeClusterReader(
      () => [nodeInfo('n1')],
      () => [],
      () => [{ name: 'n1', cpuMilli: 100, memoryBytes: 1, timestamp: Date.now() }],
    ).withResource((node) => counters(node));
    const c = new Collector({
      reader,
      scope: { context: 'ctx', cluster: 'c', server: 'https://h', namespace: null },
      intervalMs: INTERVAL,
      kubelet: { qps: 100, burst: 100, concurrency: 4 },
    });
    collectors.push(c);
    c.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(reader.kubeletCalls.some((k) => k.read === 'resource')).toBe(false);
    expect(buildNodeRows(c.latest() as Snapshot, DEFAULT_THRESHOLDS)[0]?.signals.sources.usage).toBe('Metrics API');
  });
});
