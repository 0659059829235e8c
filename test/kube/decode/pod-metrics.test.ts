import { describe, expect, it } from 'vitest';
import { ListCollector } from '../../../src/kube/decode/decode-list.js';
import { decodePodMetrics } from '../../../src/kube/decode/pod-metrics.js';
import type { PodUsage } from '../../../src/model/records.js';

const TS = '2026-06-26T10:14:35Z';
const podMetrics = (...usages: [string, string][]) => ({
  metadata: { name: 'web-1', namespace: 'shop' },
  timestamp: TS,
  window: '15s',
  containers: usages.map(([cpu, memory], i) => ({ name: `c${i}`, usage: { cpu, memory } })),
});

function decoded(raw: unknown): PodUsage {
  const result = decodePodMetrics(raw);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

describe('decodePodMetrics sums containers before rounding, as kubectl does', () => {
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
    const usage = decoded(podMetrics(...usages));
    expect(usage).toMatchObject({ namespace: 'shop', name: 'web-1', cpuMilli, memoryBytes, timestamp: Date.parse(TS) });
    expect(usage.containers.map((c) => c.cpuMilli)).toEqual(perContainer);
  });

  it('an item with an invalid quantity is skipped, its path named', () => {
    const collector = new ListCollector(decodePodMetrics);
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
    const usage = decoded(raw);
    expect([usage.name, usage.namespace, usage.containers[0]?.name]).toEqual(['web-1', 'shop', 'c?']);
  });
});

describe('decodePodMetrics leaves out what a schema would reject, naming the field', () => {
  it.each<[string, (raw: ReturnType<typeof podMetrics>) => unknown, string]>([
    ['not an object', () => 'web-1', 'item: expected object'],
    ['an array', () => [], 'item: expected object'],
    ['no metadata', ({ metadata: _, ...rest }) => rest, 'metadata: expected object'],
    ['a numeric name', (raw) => ({ ...raw, metadata: { ...raw.metadata, name: 7 } }), 'metadata.name: expected string'],
    ['no namespace', (raw) => ({ ...raw, metadata: { name: 'web-1' } }), 'metadata.namespace: expected string'],
    ['containers null', (raw) => ({ ...raw, containers: null }), 'containers: expected array'],
    ['a container without usage', (raw) => ({ ...raw, containers: [{ name: 'c0' }] }), 'containers.0.usage: expected object'],
    [
      'a container without a name',
      (raw) => ({ ...raw, containers: [{ usage: { cpu: '1m', memory: '1Ki' } }] }),
      'containers.0.name: expected string',
    ],
    [
      'memory as a number',
      (raw) => ({ ...raw, containers: [{ name: 'c0', usage: { cpu: '1m', memory: 1024 } }] }),
      'containers.0.usage.memory: expected string',
    ],
    [
      'memory in bad units',
      (raw) => ({ ...raw, containers: [{ name: 'c0', usage: { cpu: '1m', memory: '1KB' } }] }),
      'containers.0.usage.memory: not a Kubernetes quantity',
    ],
  ])('%s', (_, spoil, problem) => {
    expect(decodePodMetrics(spoil(podMetrics(['1m', '1Ki'])))).toEqual({ ok: false, problem });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['not a time', 'yesterday'],
    ['a number', 1_700_000_000],
  ])('a timestamp %s keeps the figures and gives NaN, so no history sample is taken', (_, timestamp) => {
    expect(decoded({ ...podMetrics(['2m', '1Ki']), timestamp })).toMatchObject({ cpuMilli: 2, timestamp: Number.NaN });
  });

  it('pods scraped at different times keep their own times', () => {
    const later = '2026-06-26T10:14:50Z';
    const times = [TS, later, TS].map((timestamp) => decoded({ ...podMetrics(['1m', '1Ki']), timestamp }).timestamp);
    expect(times).toEqual([Date.parse(TS), Date.parse(later), Date.parse(TS)]);
  });
});
