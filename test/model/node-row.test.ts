import { describe, expect, it } from 'vitest';
import { buildNodeRows, podsPerNode } from '../../src/model/node-row.js';
import type { NodeInfo, NodeSummary } from '../../src/model/records.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { condition, GiB, nodeInfo, nodeSummary, podInfo, snapshot } from '../helpers/records.js';

// Every node: 4000m and 8 GiB allocatable (helpers/records.ts). Thresholds: CPU 70/90, memory 80/90, disk 80/90.
const usage = (name: string, cpuMilli: number, memoryBytes: number) => ({ name, cpuMilli, memoryBytes, timestamp: 1000 });
const fetched = (summary: NodeSummary) => ({ summary, fetchedAt: 2000 });

function rowsFor(nodes: NodeInfo[], over: Partial<Snapshot>) {
  return buildNodeRows(snapshot({ nodes, ...over }), DEFAULT_THRESHOLDS);
}

describe('buildNodeRows', () => {
  const hot = nodeInfo('hot', { labels: { 'node-role.kubernetes.io/control-plane': '' } });
  const calm = nodeInfo('calm');
  const rows = rowsFor([hot, calm], {
    nodeUsage: new Map([
      ['hot', usage('hot', 3000, 7.5 * GiB)],
      ['calm', usage('calm', 400, 1 * GiB)],
    ]),
    summaries: new Map([
      [
        'hot',
        fetched(
          nodeSummary('hot', {
            fs: { capacityBytes: 1000, availableBytes: 50, usedBytes: 10 },
            imageFs: { capacityBytes: 1000, availableBytes: 500, usedBytes: 400 },
          }),
        ),
      ],
      ['calm', fetched(nodeSummary('calm', { fs: { capacityBytes: 1000, availableBytes: 900, usedBytes: 100 } }))],
    ]),
    pods: [
      podInfo('a', { nodeName: 'hot' }),
      podInfo('b', { nodeName: 'hot' }),
      podInfo('done', { nodeName: 'hot', phase: 'Succeeded' }),
      podInfo('failed', { nodeName: 'hot', phase: 'Failed' }),
      podInfo('c', { nodeName: 'calm' }),
      podInfo('unscheduled', { nodeName: null, phase: 'Pending' }),
    ],
  });
  const [hotRow, calmRow] = rows;

  it.each([
    // 3000/4000 = 75% → warn; 7.5/8 GiB = 93.75% → crit; disk 1 − 50/1000 = 95% → crit; image fs 50% → ok
    ['cpu', { used: 3000, total: 4000, percent: 75, level: 'warn' }],
    ['memory', { used: 7.5 * GiB, total: 8 * GiB, percent: 93.75, level: 'crit' }],
    ['disk', { used: 950, total: 1000, percent: 95, level: 'crit' }],
    ['imageFs', { used: 500, total: 1000, percent: 50, level: 'ok' }],
  ] as const)('hot node %s figure', (key, figure) => {
    expect(hotRow?.[key]).toEqual(figure);
  });

  it('the hot node is critical, with one reason per alerting figure', () => {
    expect(hotRow?.level).toBe('crit');
    expect(hotRow?.reasons).toEqual(['CPU at 75%', 'memory at 93%', 'disk at 95%']);
    expect(hotRow?.roles).toEqual(['control-plane']);
    expect(hotRow).toMatchObject({ status: 'Ready', statusLevel: 'ok', ready: true, diskUnknown: null, metricsAt: 1000, diskAt: 2000 });
  });

  it('counts pods that hold the node: not Succeeded, Failed or unscheduled', () => {
    expect(hotRow?.pods).toEqual({ count: 2, capacity: 110 });
    expect(calmRow?.pods).toEqual({ count: 1, capacity: 110 });
    expect(podsPerNode(snapshot().pods)).toEqual(new Map());
  });

  it('a calm node is ok with no reasons', () => {
    // 400/4000 = 10%, 1/8 GiB = 12.5%, disk 10%
    expect(calmRow).toMatchObject({ level: 'ok', reasons: [], imageFs: null });
    expect(calmRow?.cpu.percent).toBe(10);
    expect(calmRow?.memory.percent).toBe(12.5);
    expect(calmRow?.disk.percent).toBe(10);
  });

  it('a NotReady node is critical even with no figures', () => {
    const [row] = rowsFor([nodeInfo('down', { conditions: [condition('Ready', 'False', 'kubelet stopped')] })], {});
    expect(row).toMatchObject({ status: 'NotReady', level: 'crit', reasons: ['NotReady: kubelet stopped'] });
    expect(row?.cpu).toEqual({ used: null, total: 4000, percent: null, level: 'ok' });
  });

  it.each<[string, Partial<Snapshot>, string]>([
    [
      'kubelet reads off',
      { kubeletOff: 'kubelet reads off (--no-kubelet): disk unknown' },
      'kubelet reads off (--no-kubelet): disk unknown',
    ],
    [
      "the node's kubelet failing",
      { problems: [{ source: 'kubelet', kind: 'timeout', message: 'kubelet on n: no answer within 5s', node: 'n', since: 0 }] },
      'kubelet on n: no answer within 5s',
    ],
    ['a summary without fs stats', { summaries: new Map([['n', fetched(nodeSummary('n'))]]) }, 'kubelet reported no filesystem stats'],
    ['no summary yet', {}, 'not read yet'],
  ])('disk unknown because of %s', (_, over, reason) => {
    const [row] = rowsFor([nodeInfo('n')], over);
    expect(row?.disk).toEqual({ used: null, total: null, percent: null, level: 'ok' });
    expect(row?.diskUnknown).toBe(reason);
    expect(row?.diskAt).toBe(over.summaries ? 2000 : null);
  });
});
