import { describe, expect, it } from 'vitest';
import { ListCollector } from '../../../src/kube/decode/decode-list.js';
import { nodeMetricsSchema, podMetricsSchema } from '../../../src/kube/decode/metrics.js';

const TS = '2026-06-26T10:14:35Z';
const nodeMetrics = (cpu: string, memory: string) => ({
  metadata: { name: 'node-1', creationTimestamp: TS },
  timestamp: TS,
  window: '20.064s',
  usage: { cpu, memory },
});
const podMetrics = (...usages: [string, string][]) => ({
  metadata: { name: 'web-1', namespace: 'shop' },
  timestamp: TS,
  window: '15s',
  containers: usages.map(([cpu, memory], i) => ({ name: `c${i}`, usage: { cpu, memory } })),
});

describe('nodeMetricsSchema', () => {
  it.each([
    // the documented NodeMetrics example values: 487.558164m → 488m, 732212Ki = 749785088 bytes
    ['487558164n', '732212Ki', 488, 732_212 * 1024],
    ['172669853n', '2178652Ki', 173, 2_178_652 * 1024],
    ['250m', '1Gi', 250, 1024 ** 3],
    ['2', '1000', 2000, 1000],
    ['0', '0', 0, 0],
  ])('cpu %s memory %s → %dm, %d bytes', (cpu, memory, cpuMilli, memoryBytes) => {
    expect(nodeMetricsSchema.parse(nodeMetrics(cpu, memory))).toEqual({
      name: 'node-1',
      cpuMilli,
      memoryBytes,
      timestamp: Date.parse(TS),
      windowMs: 20_064,
    });
  });

  it.each([
    ['30s', 30_000],
    ['1m0s', 60_000],
    ['1h2m3.5s', 3_723_500],
    ['500ms', 500],
    ['0', 0],
    ['15', undefined],
    ['soon', undefined],
    ['-5s', undefined],
    [15, undefined],
    [null, undefined],
  ])('window %s is %s ms (Go duration; anything else is left out, not an error)', (window, windowMs) => {
    expect(nodeMetricsSchema.parse({ ...nodeMetrics('1m', '1Ki'), window }).windowMs).toBe(windowMs);
  });

  it('a missing timestamp is NaN, so no history sample is taken from it', () => {
    const { timestamp: _, ...raw } = nodeMetrics('1m', '1Ki');
    expect(Number.isNaN(nodeMetricsSchema.parse(raw).timestamp)).toBe(true);
  });
});

describe('podMetricsSchema sums containers before rounding, as kubectl does', () => {
  it.each<[string, [string, string][], number, number, number[]]>([
    // 1.5m + 1.5m = 3m exactly; rounding each first would give 4m
    [
      'two containers at 1500000n',
      [
        ['1500000n', '1Ki'],
        ['1500000n', '1Ki'],
      ],
      3,
      2048,
      [2, 2],
    ],
    [
      '250m + 1500000n = 251.5m → 252m',
      [
        ['250m', '15Mi'],
        ['1500000n', '5M'],
      ],
      252,
      15 * 1024 ** 2 + 5_000_000,
      [250, 2],
    ],
    [
      'three containers at 1n = 3n → 1m',
      [
        ['1n', '0'],
        ['1n', '0'],
        ['1n', '0'],
      ],
      1,
      0,
      [1, 1, 1],
    ],
    ['one container', [['487558164n', '732212Ki']], 488, 732_212 * 1024, [488]],
    ['no containers', [], 0, 0, []],
  ])('%s', (_, usages, cpuMilli, memoryBytes, perContainer) => {
    const usage = podMetricsSchema.parse(podMetrics(...usages));
    expect(usage).toMatchObject({ namespace: 'shop', name: 'web-1', cpuMilli, memoryBytes, timestamp: Date.parse(TS) });
    expect(usage.containers.map((c) => c.cpuMilli)).toEqual(perContainer);
  });

  it('an item with an invalid quantity is skipped, its path named', () => {
    const collector = new ListCollector(podMetricsSchema);
    collector.add(podMetrics(['1m', '1Ki']));
    collector.add(podMetrics(['1m', '1Ki'], ['lots', '1Ki']));
    expect(collector.result()).toMatchObject({ skipped: 1, firstProblem: 'containers.1.usage.cpu: not a Kubernetes quantity' });
    expect(collector.items).toHaveLength(1);
  });

  it('names with escape sequences arrive sanitized', () => {
    const raw = podMetrics(['1m', '1Ki']);
    raw.metadata.name = 'web\x1b[1;31m-1';
    raw.metadata.namespace = 'shop\x9b2J';
    raw.containers[0] = { name: 'c\x00', usage: { cpu: '1m', memory: '1Ki' } };
    const usage = podMetricsSchema.parse(raw);
    expect([usage.name, usage.namespace, usage.containers[0]?.name]).toEqual(['web-1', 'shop', 'c?']);
  });
});
