import { describe, expect, it } from 'vitest';
import { observe } from '../../src/model/alert-findings.js';
import { nextAlerts } from '../../src/model/alert-step.js';
import { type Alert, EMPTY_ALERTS } from '../../src/model/alerts.js';
import { FLEET_COLUMNS } from '../../src/model/fleet-columns.js';
import { orderFleet } from '../../src/model/fleet-order.js';
import { buildFleetRow, type FleetInput, type FleetRow, isStale } from '../../src/model/fleet-row.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import { buildPodRow } from '../../src/model/pod-row.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { Problem } from '../../src/model/problems.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { parseTextFilter } from '../../src/model/text-filter.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { condition, container, GiB, MiB, nodeInfo, nodeSummary, podInfo, podUsage, snapshot } from '../helpers/records.js';

// A fleet row says of a whole cluster what its header and panes say: Ready nodes, CPU and memory
// of its allocatable, its fullest disk, alert counts, the worst problem and the data's age.

const NOW = Date.parse('2026-06-26T10:00:00Z');
const SERVER = 'https://10.1.2.3:6443';

function cluster(over: Partial<Snapshot> = {}): Snapshot {
  const nodes = [
    nodeInfo('a-1'),
    nodeInfo('a-2'),
    nodeInfo('a-3', { conditions: [condition('Ready', 'False', 'Kubelet stopped posting node status.')] }),
  ];
  const fs = (freeGiB: number) => ({ capacityBytes: 100 * GiB, availableBytes: freeGiB * GiB, usedBytes: (100 - freeGiB) * GiB });
  return snapshot({
    takenAt: NOW,
    inventoryAt: NOW - 2000,
    metricsAt: NOW - 4000,
    nodes,
    // 3 + 1 cores of 8 in use on the nodes with figures: 50%; memory 4 of 16 GiB: 25%.
    nodeUsage: new Map([
      ['a-1', { name: 'a-1', cpuMilli: 3000, memoryBytes: 2 * GiB, timestamp: NOW }],
      ['a-2', { name: 'a-2', cpuMilli: 1000, memoryBytes: 2 * GiB, timestamp: NOW }],
    ]),
    summaries: new Map([
      ['a-1', { fetchedAt: NOW, summary: nodeSummary('a-1', { fs: fs(40) }) }],
      ['a-2', { fetchedAt: NOW, summary: nodeSummary('a-2', { fs: fs(7) }) }],
    ]),
    ...over,
  });
}

/** The alerts a cluster's screen would have firing after this snapshot, from the model's own rules. */
function firing(snap: Snapshot): readonly Alert[] {
  const pods = snap.pods.map((pod) => ({ pod, row: buildPodRow(pod, snap, DEFAULT_THRESHOLDS, NOW) })).filter((p) => p.row.level !== 'ok');
  const observation = observe({
    nodes: buildNodeRows(snap, DEFAULT_THRESHOLDS),
    nodeInfo: snap.nodes,
    pods,
    problems: snap.problems,
    thresholds: DEFAULT_THRESHOLDS,
    terminationsOf: null,
    now: NOW,
  });
  return nextAlerts(EMPTY_ALERTS, observation, NOW).firing;
}

function row(snap: Snapshot | null, over: Partial<FleetInput> = {}): FleetRow {
  return buildFleetRow({
    context: 'prod-eu',
    server: SERVER,
    error: null,
    snapshot: snap,
    nodes: snap ? buildNodeRows(snap, DEFAULT_THRESHOLDS) : [],
    alerts: snap ? firing(snap) : [],
    thresholds: DEFAULT_THRESHOLDS,
    trendPoints: 12,
    ...over,
  });
}

const refused: Problem = {
  source: 'nodes',
  kind: 'unreachable',
  message: `nodes: cannot reach ${SERVER}: connection refused`,
  cause: `cannot reach ${SERVER}: connection refused`,
  since: NOW - 14_000,
};

describe('buildFleetRow', () => {
  it('sums the cluster: Ready nodes, CPU and memory of allocatable, the fullest disk, counts and the worst problem', () => {
    const r = row(cluster());
    expect(r.nodes).toEqual({ ready: 2, total: 3 });
    expect(r.cpu.percent).toBe(50);
    expect(r.memory.percent).toBe(25);
    expect(r.disk).toEqual({ percent: 93, level: 'crit', node: 'a-2' });
    // a-2's disk and a-3 NotReady.
    expect(r.crit).toBe(2);
    expect(r.problem).toEqual({ text: 'disk at 93% (node a-2)', level: 'crit' });
    expect(r.level).toBe('crit');
    expect(r.dataAt).toBe(NOW - 4000);
    expect(r.down).toBe(false);
  });

  it('counts the firing alerts it is given, pods too, and names the worst, the longest-lasting among equals', () => {
    const limited = [container('main', { limits: { cpuMilli: 1000, memoryBytes: 100 * MiB } })];
    const pods = ['calm', 'warm', 'hot'].map((name) => podInfo(name, { namespace: 'web', containers: limited }));
    const snap = cluster({
      nodes: [nodeInfo('a-1')],
      nodeUsage: new Map([['a-1', { name: 'a-1', cpuMilli: 500, memoryBytes: GiB, timestamp: NOW }]]),
      summaries: new Map(),
      pods,
      podUsage: PodUsageIndex.of([
        podUsage('web', 'calm', 10, 10 * MiB),
        podUsage('web', 'warm', 10, 85 * MiB),
        podUsage('web', 'hot', 10, 95 * MiB),
      ]),
    });
    const r = row(snap);
    expect([r.crit, r.warn]).toEqual([1, 1]);
    expect(r.problem).toEqual({ text: 'memory at 95% of limit (pod web/hot)', level: 'crit' });
    const hot = firing(snap).find((a) => a.level === 'crit') as Alert;
    const older: Alert = { ...hot, key: 'older', message: 'older', since: NOW - 60_000 };
    expect(row(snap, { alerts: [...firing(snap), older] }).problem?.text).toBe('older (pod web/hot)');
  });

  it('a cluster that cannot be read is crit and says why, without repeating its server', () => {
    const down = row(cluster({ inventoryAt: null, metricsAt: null, nodes: [], problems: [refused] }));
    // The node list's failed read is a crit alert, as the cluster's own header counts it.
    expect(down).toMatchObject({ down: true, level: 'crit', nodes: null, crit: 1 });
    expect(down.problem).toEqual({ text: 'connection refused', level: 'crit' });
  });

  it('a context the kubeconfig cannot open is crit with its reason, and has no figures', () => {
    const broken = row(null, { error: 'cluster "gone": not defined', server: '' });
    expect(broken).toMatchObject({ down: true, level: 'crit', nodes: null, dataAt: null, crit: 1 });
    expect(broken.problem?.text).toBe('cluster "gone": not defined');
  });

  it('before the first poll: nothing read yet, and no problem claimed', () => {
    const waiting = row(null);
    expect(waiting).toMatchObject({ down: false, level: 'ok', problem: null, nodes: null, dataAt: null });
  });

  it('data older than three polls is stale, and the row crit for it', () => {
    const old = cluster({ inventoryAt: NOW - 30_000, metricsAt: NOW - 30_000, nodes: [nodeInfo('a-1')], summaries: new Map() });
    const r = row(old);
    expect(isStale(r, NOW)).toBe(true);
    expect(r.level).toBe('crit');
    expect(isStale(r, NOW - 20_000)).toBe(false);
  });

  it('draws the cluster CPU trend from the nodes history, one value a metrics sample', () => {
    const snap = cluster();
    const { nodeUsage } = snap.history;
    for (const [i, [a1, a2]] of [
      [1000, 1000],
      [2000, 2000],
      [3000, 1000],
    ].entries()) {
      nodeUsage.record('uid-a-1', i, i + 1, [a1 ?? 0, 0]);
      nodeUsage.record('uid-a-2', i, i + 1, [a2 ?? 0, 0]);
    }
    // Only the nodes with a sample count: 8 cores between them.
    expect(row({ ...snap, seq: 3 }).cpuTrend).toEqual([25, 50, 50]);
  });
});

describe('the fleet pane', () => {
  const rows = [
    row(cluster({ nodes: [nodeInfo('a-1')], summaries: new Map() }), { context: 'staging' }),
    row(cluster({ inventoryAt: null, metricsAt: null, nodes: [], problems: [refused] }), { context: 'dev' }),
    row(cluster(), { context: 'prod-eu' }),
  ].sort((a, b) => a.name.localeCompare(b.name));

  it('puts the worst cluster first by default, the calm ones last', () => {
    const order = orderFleet(rows, { column: 'worst', descending: true }, null).map((r) => r.name);
    expect(order).toEqual(['prod-eu', 'dev', 'staging']);
  });

  it('sorts by the node pane sort keys (CPU%, disk%) and filters on context, server and problem', () => {
    // staging's one node is at 75%, prod-eu 50%, dev unknown (last either way).
    expect(orderFleet(rows, { column: 'cpu%', descending: true }, null).map((r) => r.name)).toEqual(['staging', 'prod-eu', 'dev']);
    expect(orderFleet(rows, { column: 'cpu%', descending: false }, null).map((r) => r.name)).toEqual(['prod-eu', 'staging', 'dev']);
    expect(orderFleet(rows, { column: 'name', descending: false }, parseTextFilter('refused')).map((r) => r.name)).toEqual(['dev']);
    expect(orderFleet(rows, { column: 'name', descending: false }, parseTextFilter('/^st/')).map((r) => r.name)).toEqual(['staging']);
  });

  it.each([
    ['nodes', 'prod-eu', '2/3', 'crit'],
    ['nodes', 'dev', '?', 'crit'],
    ['worst', 'dev', '✗ connection refused', 'crit'],
    ['worst', 'prod-eu', '‼ disk at 93% (node a-2)', 'crit'],
    ['age', 'prod-eu', '4s', 'ok'],
    ['crit', 'staging', '0', 'ok'],
  ])('the %s cell of %s reads %s (%s)', (id, name, text, level) => {
    const column = FLEET_COLUMNS.find((c) => c.id === id);
    const r = rows.find((x) => x.name === name) as FleetRow;
    const cell = column?.cell(r, { now: NOW, ascii: false, width: 20, history: cluster().history, asOfTick: 1 });
    expect(cell).toMatchObject({ text, level });
  });
});
