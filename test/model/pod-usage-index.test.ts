import { describe, expect, it } from 'vitest';
import { PodKeys } from '../../src/model/pod-keys.js';
import { NO_ROW, PodUsageIndex } from '../../src/model/pod-usage-index.js';
import { podInfo, podUsage } from '../helpers/records.js';

describe('PodUsageIndex', () => {
  const usage = () =>
    PodUsageIndex.of([
      {
        ...podUsage('web', 'a', 10, 100, 5000),
        containers: [
          { name: 'main', cpuMilli: 7, memoryBytes: 60 },
          { name: 'log', cpuMilli: 3, memoryBytes: 40 },
        ],
      },
      podUsage('web', 'b', 20, 200, 6000),
      podUsage('web', 'c', 30, 300, Number.NaN),
      podUsage('web', 'a', 11, 110, 7000),
    ]);

  it('gives each pod its record, the later of two for the same pod, the same object each time', () => {
    const index = usage();
    expect(index.get('web', 'a')).toMatchObject({ namespace: 'web', name: 'a', cpuMilli: 11, memoryBytes: 110, timestamp: 7000 });
    expect(index.get('web', 'a')).toBe(index.get('web', 'a'));
    expect(index.get('web', 'z')).toBeUndefined();
    expect([index.size, [...index.values()].map((u) => u.name).sort()]).toEqual([3, ['a', 'b', 'c']]);
    // A pod measured at no known time is not the newest.
    expect(index.newest()).toBe(7000);
  });

  it('keeps each pod’s containers, in order', () => {
    const first = PodUsageIndex.of([usage().usage(0)]);
    expect(first.get('web', 'a')?.containers).toEqual([
      { name: 'main', cpuMilli: 7, memoryBytes: 60 },
      { name: 'log', cpuMilli: 3, memoryBytes: 40 },
    ]);
  });

  it('finds the rows of a pod list by position, NO_ROW for pods without usage', () => {
    const index = usage();
    const pods = [podInfo('b', { namespace: 'web' }), podInfo('z', { namespace: 'web' }), podInfo('a', { namespace: 'web' })];
    const rows = index.rowsOf(pods);
    expect(rows[1]).toBe(NO_ROW);
    expect([index.cpuMilli(rows[0] as number), index.memoryBytes(rows[2] as number), index.timestamp(rows[2] as number)]).toEqual([
      20, 110, 7000,
    ]);
  });

  it('an index read with numbers shared by a later one keeps its own pods', () => {
    const keys = new PodKeys();
    const before = PodUsageIndex.of([podUsage('web', 'a', 1, 1)], keys);
    const after = PodUsageIndex.of([podUsage('web', 'b', 2, 2)], keys);
    expect([before.get('web', 'b'), after.get('web', 'a')]).toEqual([undefined, undefined]);
    expect(after.get('web', 'b')?.cpuMilli).toBe(2);
  });

  it('an empty index has no usage', () => {
    const index = new PodUsageIndex();
    expect([index.size, index.get('web', 'a'), [...index.rowsOf([podInfo('a')])], index.newest()]).toEqual([
      0,
      undefined,
      [NO_ROW],
      Number.NEGATIVE_INFINITY,
    ]);
  });
});
