import { describe, expect, it } from 'vitest';
import { NODE_COLUMNS } from '../../src/model/node-columns.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import { byName, orderNodes } from '../../src/model/pane-order.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { condition, GiB, nodeInfo, nodeSummary, snapshot } from '../helpers/records.js';

// Five nodes: one NotReady (no figures at all), one with a full disk (crit), one hot on CPU (warn), two calm.
const nodes = [
  nodeInfo('a-calm'),
  nodeInfo('b-down', { conditions: [condition('Ready', 'Unknown', 'Kubelet stopped posting node status.')] }),
  nodeInfo('c-disk'),
  nodeInfo('d-warm'),
  nodeInfo('e-busy'),
];
const usage = (name: string, cpuMilli: number) => [name, { name, cpuMilli, memoryBytes: GiB, timestamp: 1 }] as const;
const rows = byName(
  buildNodeRows(
    snapshot({
      nodes,
      nodeUsage: new Map([usage('a-calm', 400), usage('c-disk', 200), usage('d-warm', 3000), usage('e-busy', 2600)]),
      summaries: new Map([
        ['c-disk', { summary: nodeSummary('c-disk', { fs: { capacityBytes: 100, availableBytes: 5, usedBytes: null } }), fetchedAt: 1 }],
      ]),
    }),
    DEFAULT_THRESHOLDS,
  ),
);
const names = (problemsFirst: boolean, column = 'cpu%', descending = true) =>
  orderNodes(rows, NODE_COLUMNS, { column, descending }, null, problemsFirst).map((r) => r.name);

describe('the node pane’s default order: problems first', () => {
  it('NotReady, then crit, then warn, then the rest, each group by the sort column', () => {
    expect(names(true)).toEqual(['b-down', 'c-disk', 'd-warm', 'e-busy', 'a-calm']);
  });

  it('a NotReady node with no CPU figure is never last, whichever way the figure sorts', () => {
    expect(names(true, 'cpu%', false)[0]).toBe('b-down');
    expect(names(true, 'mem%', false)[0]).toBe('b-down');
  });

  it('a chosen sort is the column alone', () => {
    expect(names(false)).toEqual(['d-warm', 'e-busy', 'a-calm', 'c-disk', 'b-down']);
  });
});
