import { describe, expect, it } from 'vitest';
import { diskFigure } from '../../src/model/disk.js';
import type { FsUsage } from '../../src/model/records.js';
import { describeWithFixtures, FIXTURE, fixture } from '../helpers/fixtures.js';

interface RawFs {
  availableBytes: number;
  capacityBytes: number;
  usedBytes: number;
}

describeWithFixtures('diskFigure on the v1.35 Summary fixture', () => {
  const raw = () => fixture<{ node: { fs: RawFs; runtime: { imageFs: RawFs } } }>(FIXTURE.summary135).node;

  it('node fs is 1 − available/capacity (≈16.02%), not used/capacity (≈10.94%)', () => {
    const fs = raw().fs;
    const figure = diskFigure(fs);
    // 1 − 821203210240 / 977896124416 = 0.16023…; the kubelet's usedBytes gives only 0.10936…
    expect(figure?.percent).toBeCloseTo(16.02, 2);
    expect(figure?.usedBytes).toBe(fs.capacityBytes - fs.availableBytes);
    expect(figure?.capacityBytes).toBe(fs.capacityBytes);
    expect(Math.abs((figure?.percent ?? 0) - (fs.usedBytes / fs.capacityBytes) * 100)).toBeGreaterThan(5);
  });

  it('image fs shares the node disk here, so it reads the same percent', () => {
    const { fs, runtime } = raw();
    expect(diskFigure(runtime.imageFs)?.percent).toBeCloseTo(diskFigure(fs)?.percent ?? Number.NaN, 10);
  });
});

describe('diskFigure', () => {
  it.each<[string, FsUsage | null, { usedBytes: number; percent: number } | null]>([
    ['available known', { capacityBytes: 1000, availableBytes: 250, usedBytes: 100 }, { usedBytes: 750, percent: 75 }],
    [
      'usedBytes fallback when available is missing',
      { capacityBytes: 1000, availableBytes: null, usedBytes: 100 },
      { usedBytes: 100, percent: 10 },
    ],
    ['full disk', { capacityBytes: 1000, availableBytes: 0, usedBytes: 1000 }, { usedBytes: 1000, percent: 100 }],
    [
      'available above capacity never goes negative',
      { capacityBytes: 1000, availableBytes: 1200, usedBytes: 0 },
      { usedBytes: 0, percent: 0 },
    ],
    ['neither available nor used', { capacityBytes: 1000, availableBytes: null, usedBytes: null }, null],
    ['zero capacity', { capacityBytes: 0, availableBytes: 0, usedBytes: 0 }, null],
    ['no fs block', null, null],
  ])('%s', (_, fs, expected) => {
    const figure = diskFigure(fs);
    if (expected === null) expect(figure).toBeNull();
    else expect(figure).toEqual({ ...expected, capacityBytes: fs?.capacityBytes });
  });
});
