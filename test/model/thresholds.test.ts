import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/model/levels.js';
import { DEFAULT_THRESHOLDS, fillLevel, levelOf, type Thresholds, thresholdProblems } from '../../src/model/thresholds.js';

describe('levelOf (CPU 70/90)', () => {
  it.each<[number | null, Level]>([
    [0, 'ok'],
    [69.99, 'ok'],
    [70, 'warn'],
    [70.01, 'warn'],
    [89.99, 'warn'],
    [90, 'crit'],
    [250, 'crit'],
    [null, 'ok'],
    [Number.NaN, 'ok'],
  ])('%s percent → %s', (percent, level) => {
    expect(levelOf(percent, DEFAULT_THRESHOLDS.cpu)).toBe(level);
  });

  it.each<[number, Level]>([
    [79, 'ok'],
    [80, 'crit'],
  ])('warn equal to crit: %s percent → %s', (percent, level) => {
    expect(levelOf(percent, { warn: 80, crit: 80 })).toBe(level);
  });
});

describe('thresholdProblems', () => {
  const with_ = (over: Partial<Thresholds>): Thresholds => ({ ...DEFAULT_THRESHOLDS, ...over });

  it.each<[string, Thresholds, string[]]>([
    ['the defaults', DEFAULT_THRESHOLDS, []],
    ['warn equal to crit', with_({ disk: { warn: 90, crit: 90 } }), []],
    ['warn above crit', with_({ cpu: { warn: 95, crit: 90 } }), ['cpu: warn 95 is above crit 90']],
    ['negative warn', with_({ memory: { warn: -1, crit: 90 } }), ['memory: warn must be a number ≥ 0, got -1']],
    ['NaN crit', with_({ disk: { warn: 80, crit: Number.NaN } }), ['disk: crit must be a number ≥ 0, got NaN']],
    ['infinite crit', with_({ cpu: { warn: 80, crit: Number.POSITIVE_INFINITY } }), ['cpu: crit must be a number ≥ 0, got Infinity']],
    [
      'several at once',
      with_({ cpu: { warn: 95, crit: 90 }, memory: { warn: -5, crit: -1 }, disk: { warn: 80, crit: 90 } }),
      ['cpu: warn 95 is above crit 90', 'memory: warn must be a number ≥ 0, got -5', 'memory: crit must be a number ≥ 0, got -1'],
    ],
    ['a negative for', with_({ cpu: { warn: 70, crit: 90, forMs: -1 } }), ['cpu: for must be a duration ≥ 0']],
    [
      'fill crit longer than warn',
      with_({ fill: { warnMs: 3_600_000, critMs: 7_200_000 } }),
      ['fill: crit must be the shorter time (full within it is worse)'],
    ],
  ])('%s', (_, thresholds, problems) => {
    expect(thresholdProblems(thresholds)).toEqual(problems);
  });
});

describe('fillLevel (full within 4 h warn, 1 h crit)', () => {
  const HOUR = 3_600_000;
  it.each<[number | null, Level]>([
    [null, 'ok'],
    [25 * HOUR, 'ok'],
    [4 * HOUR + 1, 'ok'],
    [4 * HOUR, 'warn'],
    [HOUR + 1, 'warn'],
    [HOUR, 'crit'],
    [0, 'crit'],
  ])('%s ms left → %s', (msLeft, level) => {
    expect(fillLevel(msLeft, DEFAULT_THRESHOLDS.fill)).toBe(level);
  });
});
