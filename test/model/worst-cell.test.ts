import { describe, expect, it } from 'vitest';
import { COMPACT_NODE_COLUMNS } from '../../src/model/node-columns.js';
import { buildNodeRows, type NodeRow } from '../../src/model/node-row.js';
import { orderNodes } from '../../src/model/pane-order.js';
import type { NodeSummary } from '../../src/model/records.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { condition, GiB, nodeInfo, nodeSummary, snapshot } from '../helpers/records.js';

// The compact view (a 40×10 pane) sorts nodes by the worst of CPU, memory, disk, inodes and PIDs and shows one
// figure per node: it must show the figure it sorted by, or the order looks wrong.

// Every node: 4000m and 8 GiB allocatable. [name, CPU %, memory %, disk %]
const FIGURES: readonly [string, number, number, number][] = [
  ['a', 26, 10, 50],
  ['b', 30, 12, 41],
  ['c', 36, 9, 20],
  ['d', 13, 14, 76],
  ['hot', 95, 20, 93],
];

// inodesOf: node name → inodes used %, for the nodes whose filesystem reports inodes.
function rows(notReady = false, inodesOf: Readonly<Record<string, number>> = {}): NodeRow[] {
  const nodes = FIGURES.map(([name]) => nodeInfo(name, { conditions: [condition('Ready', notReady && name === 'b' ? 'False' : 'True')] }));
  const fs = (percent: number, inodes?: number): NodeSummary['fs'] => ({
    capacityBytes: 100 * GiB,
    availableBytes: (100 - percent) * GiB,
    usedBytes: null,
    ...(inodes === undefined ? {} : { inodes: 1_000_000, inodesFree: (100 - inodes) * 10_000 }),
  });
  return buildNodeRows(
    snapshot({
      nodes,
      nodeUsage: new Map(
        FIGURES.map(([name, cpu, mem]) => [name, { name, cpuMilli: cpu * 40, memoryBytes: (mem / 100) * 8 * GiB, timestamp: 1 }]),
      ),
      summaries: new Map(
        FIGURES.map(([name, , , disk]) => [name, { fetchedAt: 1, summary: nodeSummary(name, { fs: fs(disk, inodesOf[name]) }) }]),
      ),
    }),
    DEFAULT_THRESHOLDS,
  );
}

const worst = COMPACT_NODE_COLUMNS.find((c) => c.id === 'worst');
const shown = (list: readonly NodeRow[]) =>
  orderNodes(list, COMPACT_NODE_COLUMNS, { column: 'worst', descending: true }, null).map(
    (r) => `${r.name} ${worst?.cell(r, { now: 0, ascii: false, width: 20, history: snapshot().history, asOfTick: 0 }).text}`,
  );

describe('the WORST column', () => {
  it('shows, for each node, the figure it is sorted by', () => {
    expect(shown(rows())).toEqual(['hot ‼ cpu 95%', 'd disk 76%', 'a disk 50%', 'b disk 41%', 'c cpu 36%']);
  });

  it('shows inodes running out, which the kubelet evicts for with bytes to spare, but not inodes in good health', () => {
    expect(shown(rows(false, { c: 93, a: 12 }))).toEqual(['hot ‼ cpu 95%', 'c ‼ inodes 93%', 'd disk 76%', 'a disk 50%', 'b disk 41%']);
  });

  it('puts a failed condition before any figure at its level', () => {
    expect(shown(rows(true)).slice(0, 2)).toEqual(['b ‼ NotReady', 'hot ‼ cpu 95%']);
  });
});
