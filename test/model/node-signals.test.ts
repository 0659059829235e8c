import { describe, expect, it } from 'vitest';
import { buildNodeRows } from '../../src/model/node-row.js';
import { inodesFigure, nodeSignals, pidsFigure } from '../../src/model/node-signals.js';
import type { Pressure } from '../../src/model/pressure.js';
import type { FsUsage } from '../../src/model/records.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/model/thresholds.js';
import { GiB, nodeInfo, nodeSummary, snapshot } from '../helpers/records.js';

const fs = (inodes: number, inodesFree: number): FsUsage => ({
  capacityBytes: 100 * GiB,
  availableBytes: 60 * GiB,
  usedBytes: 40 * GiB,
  inodes,
  inodesFree,
});

const stall = (avg10: number) => ({ some: { avg10, avg60: avg10, avg300: avg10 }, full: null });
const NO_SOURCES = { usage: null, cadvisorAt: null };

describe('inodes', () => {
  it.each<[string, number, number, 'ok' | 'warn' | 'crit' | null]>([
    ['half used', 1000, 500, 'ok'],
    ['80% is warn', 1000, 200, 'warn'],
    ['90% is crit', 1000, 100, 'crit'],
    ['95% is crit', 1000, 50, 'crit'],
    ['none reported', 0, 0, null],
    ['free above all (a broken read)', 100, 200, null],
  ])('%s', (_, inodes, free, level) => {
    const figure = inodesFigure(fs(inodes, free), DEFAULT_THRESHOLDS.inodes);
    expect(figure?.level ?? null).toBe(level);
    if (level) expect(figure?.percent).toBeCloseTo(((inodes - free) / inodes) * 100, 6);
  });

  it('a node out of inodes with bytes to spare alerts on its inodes, not its disk', () => {
    const fetched = { fetchedAt: 0, summary: nodeSummary('n', { fs: fs(1_000_000, 50_000) }) };
    const [row] = buildNodeRows(snapshot({ nodes: [nodeInfo('n')], summaries: new Map([['n', fetched]]) }), DEFAULT_THRESHOLDS);
    expect(row?.disk.level).toBe('ok');
    expect(row?.signals.inodes).toMatchObject({ used: 950_000, total: 1_000_000, percent: 95, level: 'crit' });
    expect(row?.level).toBe('crit');
    expect(row?.reasons).toContain('inodes at 95%');
  });

  it('the image filesystem counts apart only when it is a filesystem of its own', () => {
    const same = nodeSignals(
      { fetchedAt: 0, summary: nodeSummary('n', { fs: fs(100, 50), imageFs: fs(100, 50) }) },
      DEFAULT_THRESHOLDS,
      NO_SOURCES,
    );
    expect(same.imageInodes).toBeNull();
    const own = nodeSignals(
      { fetchedAt: 0, summary: nodeSummary('n', { fs: fs(100, 50), imageFs: fs(100, 5) }) },
      DEFAULT_THRESHOLDS,
      NO_SOURCES,
    );
    expect(own.imageInodes?.level).toBe('crit');
    expect(own.reasons).toEqual(['image fs inodes at 95%']);
  });
});

describe('PIDs', () => {
  it.each<[number, number, 'ok' | 'warn' | 'crit']>([
    [814, 62_639, 'ok'],
    [52_000, 62_639, 'warn'],
    [60_000, 62_639, 'crit'],
  ])('%i of %i', (used, max, level) => {
    expect(pidsFigure({ used, max }, DEFAULT_THRESHOLDS.pids)?.level).toBe(level);
  });

  it('not reported: unknown, never 0%', () => {
    expect(pidsFigure(null, DEFAULT_THRESHOLDS.pids)).toBeNull();
  });
});

describe('pressure', () => {
  const pressure: Pressure = { cpu: stall(45), memory: stall(3), io: null };
  const signals = (t: Thresholds) => nodeSignals({ fetchedAt: 0, summary: nodeSummary('n', { pressure }) }, t, NO_SOURCES);

  it('is shown but raises nothing by default', () => {
    const s = signals(DEFAULT_THRESHOLDS);
    expect(s.pressure).toBe(pressure);
    expect(s.pressureLevel).toBe('ok');
    expect(s.reasons).toEqual([]);
  });

  it('alerts on its worst resource once thresholds are set', () => {
    const s = signals({ ...DEFAULT_THRESHOLDS, pressure: { warn: 20, crit: 40 } });
    expect(s.pressureLevel).toBe('crit');
    expect(s.reasons).toEqual(['cpu pressure at 45%']);
  });

  it('a kubelet without PSI: null, not zeros', () => {
    expect(nodeSignals({ fetchedAt: 0, summary: nodeSummary('n') }, DEFAULT_THRESHOLDS, NO_SOURCES).pressure).toBeNull();
  });
});
