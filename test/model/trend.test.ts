import { describe, expect, it } from 'vitest';
import { fitTrend, RECENT, timeToReach } from '../../src/model/trend.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-26T10:00:00Z');

/** Samples every `step` ms from T0, valued by `value(i)`. */
function samples(count: number, step: number, value: (i: number) => number) {
  const times = Array.from({ length: count }, (_, i) => T0 + i * step);
  return { times, values: times.map((_, i) => value(i)) };
}

describe('fitTrend (least squares over about 10 minutes, ≥ 4 samples, ≥ 1 minute)', () => {
  it('finds the slope and the value of a straight line', () => {
    // 3% a minute, sampled every 15 s from 85%.
    const { times, values } = samples(7, 15_000, (i) => 85 + 0.75 * i);
    const trend = fitTrend(times, values);
    expect(trend?.slope).toBeCloseTo(3 / MINUTE, 12);
    expect(trend?.value).toBeCloseTo(89.5, 9);
    expect(trend?.at).toBe(T0 + 90_000);
    expect(trend?.spanMs).toBe(90_000);
  });

  it('is not swung by one noisy sample the way the last two points are', () => {
    const { times, values } = samples(9, 15_000, (i) => 50 + 0.5 * i + (i === 8 ? 3 : 0));
    const trend = fitTrend(times, values);
    expect(trend).not.toBeNull();
    // Two points would say 3.5 points in 15 s; the line says about 2.4 a minute.
    expect((trend?.slope ?? 0) * MINUTE).toBeGreaterThan(1.5);
    expect((trend?.slope ?? 0) * MINUTE).toBeLessThan(3.5);
  });

  it.each([
    ['three samples', samples(3, 60_000, (i) => i), null],
    ['four samples within 45 s', samples(4, 15_000, (i) => i), null],
    ['four samples over a minute', samples(5, 15_000, (i) => i), 'trend'],
    ['no samples', { times: [], values: [] }, null],
    ['a flat line has a zero slope', samples(5, 60_000, () => 7), 'trend'],
  ])('%s', (_, { times, values }, expected) => {
    const trend = fitTrend(times, values);
    expect(trend === null ? null : 'trend').toBe(expected);
  });

  it('a figure swinging up and down is no trend, however steep a line through it (R² under 0.8)', () => {
    // A 6-minute swing of ±5 points, over 9 minutes.
    const { times, values } = samples(37, 15_000, (i) => 60 + 5 * Math.sin((2 * Math.PI * i * 15) / 360));
    expect(fitTrend(times, values)).toBeNull();
    // A climb with a little noise on it still is one.
    const noisy = samples(37, 15_000, (i) => 60 + 0.5 * i + (i % 2 ? 0.3 : -0.3));
    expect(fitTrend(noisy.times, noisy.values)?.slope).toBeCloseTo(2 / MINUTE, 6);
  });

  it('leaves out samples older than the window and unknown (NaN) ones', () => {
    // An old plateau at 10%, then a climb of 1% a minute for the last 8 minutes.
    const times = [T0 - 30 * MINUTE, T0 - 20 * MINUTE, ...Array.from({ length: 9 }, (_, i) => T0 + i * MINUTE)];
    const values = [10, 10, ...Array.from({ length: 9 }, (_, i) => (i === 4 ? Number.NaN : 40 + i))];
    const trend = fitTrend(times, values, RECENT);
    expect((trend?.slope ?? 0) * MINUTE).toBeCloseTo(1, 9);
  });
});

describe('timeToReach', () => {
  const trend = { slope: 3 / MINUTE, value: 89.5, at: T0, spanMs: 90_000 };

  it.each([
    ['full (100%) from 89.5% at 3%/min', 100, T0, 3.5 * MINUTE],
    ['asked 30 s later', 100, T0 + 30_000, 3 * MINUTE],
    ['a line already crossed', 80, T0, 0],
  ])('%s', (_, target, now, expected) => {
    expect(timeToReach(trend, target, now)).toBeCloseTo(expected, 6);
  });

  it('is null when the figure is flat or falling', () => {
    expect(timeToReach({ slope: 0, value: 50, at: T0, spanMs: MINUTE }, 100, T0)).toBeNull();
    expect(timeToReach({ slope: -1 / MINUTE, value: 50, at: T0, spanMs: MINUTE }, 100, T0)).toBeNull();
  });
});
