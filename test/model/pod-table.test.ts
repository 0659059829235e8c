import { describe, expect, it } from 'vitest';
import { orderPods } from '../../src/model/pane-order.js';
import { PodFactsCache } from '../../src/model/pod-facts.js';
import { PodTable } from '../../src/model/pod-table.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import { parseTextFilter } from '../../src/model/text-filter.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { container, MiB, podInfo, podUsage, snapshot } from '../helpers/records.js';

const limited = (memoryMiB: number) =>
  container('main', { requests: { cpuMilli: 100, memoryBytes: 100 * MiB }, limits: { cpuMilli: 200, memoryBytes: memoryMiB * MiB } });

// Four pods; memory against a 100 MiB limit: a 95% (crit), b 50%, c unknown (no metrics), d no limit.
function table() {
  const pods = [
    podInfo('a', { namespace: 'web', nodeName: 'n1', containers: [limited(100)], createdAt: 3000 }),
    podInfo('b', { namespace: 'web', nodeName: 'n2', containers: [limited(100)], createdAt: 1000 }),
    podInfo('c', { namespace: 'batch', nodeName: 'n1', containers: [limited(100)], createdAt: 2000 }),
    podInfo('d', { namespace: 'batch', nodeName: 'n2', createdAt: 4000 }),
  ];
  const usage = PodUsageIndex.of([
    podUsage('web', 'a', 150, 95 * MiB),
    podUsage('web', 'b', 50, 50 * MiB),
    podUsage('batch', 'd', 10, 500 * MiB),
  ]);
  return new PodTable(snapshot({ pods, podUsage: usage }), DEFAULT_THRESHOLDS, new PodFactsCache(), 0);
}

const names = (t: PodTable, order: Uint32Array) => [...order].map((i) => t.pod(i).name);
const all = { namespace: null, node: null };

describe('PodTable and orderPods', () => {
  it('levels each pod from its status and its usage against the limit', () => {
    const t = table();
    expect([0, 1, 2, 3].map((i) => t.levelOf(i))).toEqual(['crit', 'ok', 'ok', 'ok']);
    expect(t.levelCounts()).toEqual({ crit: 1, warn: 0 });
  });

  it.each([
    ['mem', true, ['d', 'a', 'b', 'c']],
    ['mem', false, ['b', 'a', 'd', 'c']],
    ['mem%l', true, ['a', 'b', 'c', 'd']],
    ['cpu%r', true, ['a', 'b', 'c', 'd']],
    ['name', false, ['a', 'b', 'c', 'd']],
    ['age', false, ['d', 'a', 'c', 'b']],
    ['namespace', false, ['c', 'd', 'a', 'b']],
  ] as const)('sorts by %s (descending %s), unknown figures last either way', (column, descending, expected) => {
    const t = table();
    expect(names(t, orderPods(t, { column, descending }, null, all))).toEqual(expected);
  });

  it('filters by text over namespace, name, node and status, and scopes to a namespace or node', () => {
    const t = table();
    const byCpu = { column: 'cpu', descending: true };
    expect(names(t, orderPods(t, byCpu, parseTextFilter('n2'), all)).sort()).toEqual(['b', 'd']);
    expect(names(t, orderPods(t, byCpu, null, { namespace: 'batch', node: null })).sort()).toEqual(['c', 'd']);
    expect(names(t, orderPods(t, byCpu, null, { namespace: 'web', node: 'n1' }))).toEqual(['a']);
    expect(names(t, orderPods(t, byCpu, parseTextFilter('/^[ab]$/'), all))).toEqual(['a', 'b']);
  });

  it('builds full rows only on request, finds pods by UID and by a test', () => {
    const t = table();
    const i = t.indexOf('uid-a');
    expect(t.row(i)).toMatchObject({ name: 'a', memory: { percentOfLimit: 95, level: 'crit' } });
    expect(t.indexOf('no-such-uid')).toBe(-1);
    expect(t.rowsWhere((p) => p.nodeName === 'n1').map((r) => r.name)).toEqual(['a', 'c']);
  });

  it('reuses a pod object facts across tables but recomputes usage', () => {
    const facts = new PodFactsCache();
    const pods = [podInfo('a', { containers: [limited(100)] })];
    const first = new PodTable(
      snapshot({ pods, podUsage: PodUsageIndex.of([podUsage('default', 'a', 1, 10 * MiB)]) }),
      DEFAULT_THRESHOLDS,
      facts,
      0,
    );
    const second = new PodTable(
      snapshot({ pods, podUsage: PodUsageIndex.of([podUsage('default', 'a', 1, 99 * MiB)]) }),
      DEFAULT_THRESHOLDS,
      facts,
      1000,
    );
    expect(first.levelOf(0)).toBe('ok');
    expect(second.levelOf(0)).toBe('crit');
  });
});
