import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/model/columns.js';
import { kubeletHistories } from '../../src/model/kubelet-history.js';
import { orderPods } from '../../src/model/pane-order.js';
import { POD_COLUMNS } from '../../src/model/pod-columns.js';
import { PodFactsCache } from '../../src/model/pod-facts.js';
import { buildPodRow, type PodRow } from '../../src/model/pod-row.js';
import { PodSignalTable } from '../../src/model/pod-signal-table.js';
import { PodStatsIndex } from '../../src/model/pod-stats-index.js';
import { PodTables } from '../../src/model/pod-table.js';
import type { FetchedSummary, FetchedThrottling } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { container, GiB, nodeSummary, podInfo, snapshot } from '../helpers/records.js';

// Ephemeral storage against the pod's limit (else its request) and throttling from cAdvisor, per
// pod row and over the whole table for sorting, the problem filter and alert counts.

const sized = (limit: number | null, request: number | null = null) =>
  container('main', {
    limits: { cpuMilli: null, memoryBytes: null, ephemeralBytes: limit },
    requests: { cpuMilli: null, memoryBytes: null, ephemeralBytes: request },
  });

function disk(used: Record<string, number>, fetchedAt = 0): FetchedSummary {
  const index = new PodStatsIndex(0);
  for (const [name, bytes] of Object.entries(used)) index.addDisk('default', name, bytes);
  return { fetchedAt, summary: nodeSummary('node-a', { podStats: index }) };
}

function throttling(percent: Record<string, number>): FetchedThrottling {
  return {
    reading: { pods: [] },
    fetchedAt: 0,
    pods: new Map(Object.entries(percent).map(([name, p]) => [`default/${name}`, { percent: p, pod: null, containers: new Map(), at: 0 }])),
  };
}

const statusColumn = POD_COLUMNS.find((c) => c.id === 'status');
const statusText = (row: PodRow) =>
  cellText(
    statusColumn?.cell(row, { now: 0, ascii: false, width: 20, history: snapshot().history, asOfTick: 0 }) ?? { text: '', level: 'ok' },
  );

const kubelet = (t: FetchedThrottling) => ({ throttling: new Map([['node-a', t]]), history: kubeletHistories({ nodes: 4, pods: 4 }) });

describe('ephemeral storage', () => {
  it.each<[string, ReturnType<typeof sized>, number, number | null, string | null, 'ok' | 'warn' | 'crit']>([
    ['against the limit', sized(2 * GiB), 1.84 * GiB, 92, 'limit', 'crit'],
    ['the limit before the request', sized(2 * GiB, 1 * GiB), 1.7 * GiB, 85, 'limit', 'warn'],
    ['else the request', sized(null, GiB), 0.5 * GiB, 50, 'request', 'ok'],
    ['neither: the bytes alone, no alert', sized(null), 5 * GiB, null, null, 'ok'],
  ])('%s', (_, c, used, percent, base, level) => {
    const pod = podInfo('p', { containers: [c] });
    const row = buildPodRow(pod, snapshot({ pods: [pod], summaries: new Map([['node-a', disk({ p: used })]]) }), DEFAULT_THRESHOLDS, 0);
    expect(row.signals.ephemeral?.used).toBe(used);
    expect(row.signals.ephemeral?.base).toBe(base);
    if (percent === null) expect(row.signals.ephemeral?.percent).toBeNull();
    else expect(row.signals.ephemeral?.percent).toBeCloseTo(percent, 6);
    expect(row.signals.ephemeral?.level).toBe(level);
    expect(row.level).toBe(level);
  });

  it('a pod near its limit says why, as the alert does', () => {
    const pod = podInfo('p', { containers: [sized(2 * GiB)] });
    const row = buildPodRow(
      pod,
      snapshot({ pods: [pod], summaries: new Map([['node-a', disk({ p: 1.9 * GiB })]]) }),
      DEFAULT_THRESHOLDS,
      0,
    );
    expect(row.reasons).toContain('ephemeral storage at 95% of limit');
  });

  it('shows in STATUS for a pod otherwise well, since EPH% gives way in a narrow pane', () => {
    const pod = podInfo('p', { containers: [sized(2 * GiB)] });
    const summaries = new Map([['node-a', disk({ p: 1.9 * GiB })]]);
    const row = buildPodRow(pod, snapshot({ pods: [pod], summaries }), DEFAULT_THRESHOLDS, 0);
    expect(statusText(row)).toBe('EPH 95% ‼');
    const throttled = buildPodRow(pod, snapshot({ pods: [pod], kubelet: kubelet(throttling({ p: 60 })) }), DEFAULT_THRESHOLDS, 0);
    expect(statusText(throttled)).toBe('THR 60% ‼');
    expect(statusText(buildPodRow(pod, snapshot({ pods: [pod] }), DEFAULT_THRESHOLDS, 0))).toBe('Running');
  });

  it('not read: unknown', () => {
    const pod = podInfo('p', { containers: [sized(GiB)] });
    expect(buildPodRow(pod, snapshot({ pods: [pod] }), DEFAULT_THRESHOLDS, 0).signals.ephemeral).toBeNull();
  });
});

describe('throttling', () => {
  it.each<[number, 'ok' | 'warn' | 'crit']>([
    [10, 'ok'],
    [25, 'warn'],
    [40, 'warn'],
    [50, 'crit'],
  ])('%i%% of periods is %s', (percent, level) => {
    const pod = podInfo('p');
    const row = buildPodRow(pod, snapshot({ pods: [pod], kubelet: kubelet(throttling({ p: percent })) }), DEFAULT_THRESHOLDS, 0);
    expect(row.signals.throttling?.percent).toBe(percent);
    expect(row.signals.throttling?.level).toBe(level);
  });
});

describe('PodSignalTable', () => {
  const pods = ['a', 'b', 'c', 'd'].map((name) => podInfo(name, { containers: [sized(GiB)] }));
  const base = snapshot({
    pods,
    summaries: new Map([['node-a', disk({ a: 0.1 * GiB, b: 0.95 * GiB, c: 0.5 * GiB })]]),
    kubelet: kubelet(throttling({ c: 60, d: 30 })),
  });

  it('sorts by EPH% and THR%, unknown last', () => {
    const table = new PodTables(new PodFactsCache()).for(base, DEFAULT_THRESHOLDS);
    const signals = PodSignalTable.of(base, DEFAULT_THRESHOLDS, null);
    const names = (column: string) =>
      [...orderPods(table, { column, descending: true }, null, { namespace: null, node: null }, signals)].map((i) => pods[i]?.name);
    expect(names('eph%')).toEqual(['b', 'c', 'a', 'd']);
    expect(names('thr%')).toEqual(['c', 'd', 'a', 'b']);
  });

  it('counts and filters the pods alerting on them as problems', () => {
    const table = new PodTables(new PodFactsCache()).for(base, DEFAULT_THRESHOLDS);
    const signals = PodSignalTable.of(base, DEFAULT_THRESHOLDS, null);
    expect(pods.map((_, i) => signals.levelOf(i))).toEqual(['ok', 'crit', 'crit', 'warn']);
    const problems = orderPods(
      table,
      { column: 'name', descending: false },
      null,
      { namespace: null, node: null, problems: true },
      signals,
    );
    expect([...problems].map((i) => pods[i]?.name)).toEqual(['b', 'c', 'd']);
  });

  it('a table after new reads has their figures, and leaves the last table as it was (a paused frame keeps it)', () => {
    const other = podInfo('e', { nodeName: 'node-b', containers: [sized(GiB)] });
    const two = snapshot({
      pods: [...pods, other],
      summaries: new Map([
        ['node-a', disk({ b: 0.95 * GiB })],
        ['node-b', disk({ e: 0.85 * GiB })],
      ]),
    });
    const first = PodSignalTable.of(two, DEFAULT_THRESHOLDS, null);
    // node-b read again (a new object), node-a's summary the same object as before
    const next = snapshot({
      ...two,
      summaries: new Map([
        ['node-a', two.summaries.get('node-a') as FetchedSummary],
        ['node-b', disk({ e: 0.1 * GiB })],
      ]),
    });
    const second = PodSignalTable.of(next, DEFAULT_THRESHOLDS, first);
    expect(second.levelOf(1)).toBe('crit');
    expect(second.levelOf(4)).toBe('ok');
    expect(first.levelOf(4)).toBe('warn');
  });

  it('leaves out nothing for a pod with no node yet', () => {
    const pending = podInfo('pending', { nodeName: null, containers: [sized(GiB)] });
    const table = PodSignalTable.of(snapshot({ pods: [pending] }), DEFAULT_THRESHOLDS, null);
    expect(table.levelOf(0)).toBe('ok');
    expect(table.sortKey('eph%')?.numbers?.[0]).toBeNaN();
  });
});
