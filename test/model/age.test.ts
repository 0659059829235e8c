import { describe, expect, it } from 'vitest';
import { formatAge } from '../../src/model/age.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

// apimachinery duration.HumanDuration, which kubectl uses for AGE.
describe('formatAge', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [59 * S, '59s'],
    [59 * S + 999, '59s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + S, '2m1s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 59 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + M, '3h1m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [8 * H + 59 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + H, '2d1h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [729 * D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + D, '2y1d'],
    [7 * Y + 364 * D, '7y364d'],
    [8 * Y, '8y'],
    [20 * Y + 100 * D, '20y'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  // HumanDuration truncates to whole seconds and tolerates clocks up to 2 s apart (excluded).
  it.each([
    [-1, '0s'],
    [-999, '0s'],
    [-1000, '0s'],
    [-1500, '0s'],
    [-1999, '0s'],
    [-2000, '<invalid>'],
    [-60 * S, '<invalid>'],
  ])('a creation time %d ms in the future → %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
