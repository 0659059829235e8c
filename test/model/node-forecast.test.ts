import { describe, expect, it } from 'vitest';
import { defaultEviction, type EvictionPolicy, evictionPercent } from '../../src/model/eviction.js';
import { type FillForecast, fullText, rateText, soonestFull } from '../../src/model/fill-forecast.js';
import { forecastLine, headroomText } from '../../src/model/headroom.js';
import { HistoryStore } from '../../src/model/history.js';
import { nodeForecasts } from '../../src/model/node-forecast.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import type { FsUsage } from '../../src/model/records.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { formatTimeLeft } from '../../src/model/time-left.js';
import { GiB, MiB, nodeInfo, nodeSummary, snapshot } from '../helpers/records.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-26T10:00:00Z');
const node = nodeInfo('hk-7');

/**
 * A node whose node fs is sampled every 15 s for `seconds`, climbing `perMinute` points a minute
 * from `from` percent, as the history recorder keeps it; the snapshot is taken at the last sample.
 */
function filling(from: number, perMinute: number, seconds: number, over: Partial<Snapshot> = {}): Snapshot {
  const nodeDisk = new HistoryStore({ seriesCount: 3, depth: 240 });
  const nodeUsage = new HistoryStore({ seriesCount: 2, depth: 240 });
  let percent = from;
  let seq = 0;
  for (let s = 0; s <= seconds; s += 15) {
    percent = from + (perMinute * s) / 60;
    seq++;
    nodeDisk.record(node.uid, T0 + s * 1000, seq, [percent, Number.NaN, 10]);
  }
  const capacity = 100 * GiB;
  const fs: FsUsage = {
    capacityBytes: capacity,
    availableBytes: capacity * (1 - percent / 100),
    usedBytes: null,
    inodes: 1000,
    inodesFree: 900,
  };
  return snapshot({
    seq,
    takenAt: T0 + seconds * 1000,
    nodes: [node],
    summaries: new Map([[node.name, { summary: nodeSummary(node.name, { fs }), fetchedAt: T0 + seconds * 1000 }]]),
    history: { nodeUsage, nodeDisk, podUsage: new HistoryStore({ seriesCount: 2, depth: 8 }) },
    ...over,
  });
}

const forecast = (s: Snapshot, resource: FillForecast['resource']) =>
  nodeForecasts(s, node, DEFAULT_THRESHOLDS.fill).find((f) => f.resource === resource);

describe('time to full of a node filesystem', () => {
  it('3%/min from 85%: full in 3½ minutes after 90 s, at +3 GiB/min of a 100 GiB disk; crit (within 1 h)', () => {
    const f = forecast(filling(85, 3, 90), 'node fs');
    expect(f?.fullInMs).toBeCloseTo(3.5 * MINUTE, -3);
    expect(f?.perMinute).toBeCloseTo(3 * GiB, -6);
    expect(f?.level).toBe('crit');
    expect(fullText(f as FillForecast)).toBe('node fs full in 3m (+3 GiB/min)');
  });

  it('projects to the eviction line too: the default nodefs.available<10% is 90% used', () => {
    const f = forecast(filling(85, 3, 90), 'node fs');
    expect(f?.evictionAt).toBe(90);
    // 89.5% now: half a point, ten seconds, to go.
    expect(f?.evictionInMs).toBeCloseTo(10_000, -3);
  });

  it('uses the kubelet’s own thresholds where they were read', () => {
    const fromKubelet: EvictionPolicy = { source: 'kubelet', why: '', hard: { 'nodefs.available': { amount: 5 * GiB } } };
    const s = filling(85, 3, 90, { eviction: new Map([[node.name, fromKubelet]]) });
    expect(forecast(s, 'node fs')?.evictionAt).toBeCloseTo(95, 9);
    // No inode threshold in its configz: the kubelet does not evict on inodes.
    expect(forecast(s, 'inodes')?.evictionAt).toBeNull();
  });

  it.each([
    ['too few samples (45 s)', 45],
    ['at the start', 0],
  ])('says nothing with %s', (_, seconds) => {
    const f = forecast(filling(85, 3, seconds), 'node fs');
    expect(f?.fullInMs).toBeNull();
    expect(f?.perMinute).toBeNull();
    expect(f?.level).toBe('ok');
  });

  it('a disk not filling, or emptying, is never full', () => {
    expect(forecast(filling(60, 0, 300), 'node fs')?.fullInMs).toBeNull();
    expect(forecast(filling(60, -1, 300), 'node fs')?.fullInMs).toBeNull();
  });

  it('reaches no further ahead than 36 times the span measured: an hour from 100 s, not 70 minutes from 90 s', () => {
    // 0.7%/min at 50%: full in about 70 minutes, as a disk wobbling around half full can look for a while.
    expect(forecast(filling(49.3, 0.7, 90), 'node fs')?.fullInMs).toBeNull();
    expect(forecast(filling(49.3, 0.7, 600), 'node fs')?.fullInMs).toBeCloseTo(((100 - 56.3) / 0.7) * MINUTE, -4);
  });

  it('slow filling is warn within 4 h and nothing beyond', () => {
    // 0.2%/min, at 51% after 10 minutes: 245 minutes to go, just over 4 h.
    expect(forecast(filling(49, 0.2, 600), 'node fs')?.level).toBe('ok');
    expect(forecast(filling(60, 0.2, 600), 'node fs')?.level).toBe('warn');
  });

  it('projects at once from samples merged under the live ones (Prometheus, a saved history), without waiting for a new one', () => {
    const s = filling(88.5, 3, 30);
    expect(forecast(s, 'node fs')?.fullInMs).toBeNull();
    // Five minutes from before the live samples, climbing the same 3%/min.
    const times = Array.from({ length: 20 }, (_, i) => T0 - (20 - i) * 15_000);
    s.history.nodeDisk.merge(
      node.uid,
      times,
      times.map((t) => [88.5 + (3 * (t - T0)) / MINUTE, Number.NaN, 10]),
      s.seq,
    );
    expect(forecast(s, 'node fs')?.fullInMs).toBeCloseTo(((100 - 90) / 3) * MINUTE, -4);
  });

  it('memory: the working set toward the node’s capacity and memory.available<100Mi', () => {
    const s = filling(50, 0, 300);
    for (let i = 0; i <= 20; i++) s.history.nodeUsage.record(node.uid, T0 + i * 15_000, i + 1, [1000, (4 + i * 0.05) * GiB]);
    const usage = { name: node.name, cpuMilli: 1000, memoryBytes: 5 * GiB, timestamp: T0 + 300_000 };
    const f = forecast({ ...s, nodeUsage: new Map([[node.name, usage]]) }, 'memory');
    // +0.2 GiB a minute from 5 of 8 GiB: full in 15 minutes, eviction 100 MiB short of it.
    expect(f?.fullInMs).toBeCloseTo(15 * MINUTE, -3);
    expect(f?.evictionAt).toBeCloseTo(100 - (100 * MiB * 100) / (8 * GiB), 9);
  });
});

describe('the FULL column and the node row', () => {
  it('carries the soonest full resource, its level and a reason', () => {
    const [row] = buildNodeRows(filling(85, 3, 90), DEFAULT_THRESHOLDS);
    expect(row?.full?.resource).toBe('node fs');
    expect(formatTimeLeft(row?.full?.fullInMs ?? 0)).toBe('3m');
    expect(row?.level).toBe('crit');
    expect(row?.reasons).toContain('node fs full in 3m (+3 GiB/min)');
  });

  it('is blank beyond 24 hours', () => {
    const far: FillForecast = {
      resource: 'node fs',
      percent: 10,
      capacity: 1,
      evictionAt: 90,
      perMinute: 1,
      fullInMs: 25 * 3_600_000,
      evictionInMs: null,
      level: 'ok',
    };
    expect(soonestFull([far])).toBeNull();
    expect(soonestFull([far, { ...far, resource: 'inodes', fullInMs: 6 * 3_600_000 }])?.resource).toBe('inodes');
  });
});

describe('eviction lines and rates', () => {
  it.each([
    [{ percent: 10 }, 1000, 90],
    [{ amount: 100 }, 1000, 90],
    [{ amount: 2000 }, 1000, 0],
  ])('%j of %i → evicts at %i% used', (line, capacity, expected) => {
    expect(evictionPercent(line, capacity)).toBeCloseTo(expected, 9);
  });

  it('defaults say so', () => {
    expect(defaultEviction('configz forbidden')).toMatchObject({ source: 'defaults', why: 'configz forbidden' });
  });

  it.each([
    ['node fs', 1.2 * GiB, '+1.2 GiB/min'],
    ['node fs', 300 * MiB, '+300 MiB/min'],
    ['inodes', 340, '+340 inodes/min'],
    ['memory', -2 * MiB, '-2 MiB/min'],
  ] as const)('%s at %d a minute reads %s', (resource, perMinute, text) => {
    expect(
      rateText({ resource, percent: 1, capacity: 1, evictionAt: null, perMinute, fullInMs: null, evictionInMs: null, level: 'ok' }),
    ).toBe(text);
  });

  it.each([
    [40_000, '40s'],
    [43 * MINUTE + 59_000, '43m'],
    [6 * 60 * MINUTE + 30 * MINUTE, '6h'],
    [50 * 60 * MINUTE, '2d'],
  ])('%i ms left reads %s', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});

describe('eviction headroom in words (node detail)', () => {
  const base: FillForecast = {
    resource: 'node fs',
    percent: 85,
    capacity: 100 * GiB,
    evictionAt: 90,
    perMinute: 3 * GiB,
    fullInMs: 5 * MINUTE,
    evictionInMs: 100_000,
    level: 'crit',
  };
  const kubelet: EvictionPolicy = {
    source: 'kubelet',
    why: '',
    hard: { 'nodefs.available': { percent: 10 }, 'memory.available': { amount: 500 * MiB } },
  };

  it.each([
    ['room left, and when it runs out', base, kubelet, '5GiB to eviction at 90%, in 1m (nodefs.available<10%, kubelet)'],
    ['past the line', { ...base, percent: 93 }, kubelet, 'evicting: past nodefs.available<10% (kubelet)'],
    [
      'the defaults, saying why',
      base,
      defaultEviction('configz forbidden'),
      '5GiB to eviction at 90%, in 1m (nodefs.available<10%, defaults: configz forbidden)',
    ],
    [
      'memory in amounts',
      { ...base, resource: 'memory', percent: 50, capacity: 8 * GiB, evictionAt: 100 - (500 * MiB * 100) / (8 * GiB), evictionInMs: null },
      kubelet,
      '3.5GiB to eviction at 93% (memory.available<500Mi, kubelet)',
    ],
    ['no threshold', { ...base, resource: 'inodes', evictionAt: null }, kubelet, 'no eviction threshold (kubelet)'],
  ] as const)('%s', (_, forecast, policy, text) => {
    expect(headroomText(forecast, policy)).toBe(text);
  });

  it('one line per resource: use, trend and headroom', () => {
    expect(forecastLine(base, kubelet, '·')).toBe(
      'node fs   85%  full in 5m (+3 GiB/min)  · 5GiB to eviction at 90%, in 1m (nodefs.available<10%, kubelet)',
    );
    expect(forecastLine({ ...base, perMinute: null, fullInMs: null }, kubelet, '·')).toMatch(/^node fs {3}85% {2}no trend yet {2}·/);
    expect(forecastLine({ ...base, perMinute: -1, fullInMs: null }, kubelet, '·')).toMatch(/^node fs {3}85% {2}not filling {2}·/);
  });
});
