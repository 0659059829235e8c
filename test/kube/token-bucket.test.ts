import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/kube/token-bucket.js';

describe('TokenBucket', () => {
  // Each step: [ms since start, expected tryTake() answer (0 = took a token, else ms to wait)].
  it.each<[string, number, number, [number, number][]]>([
    [
      'a burst is served at once, then one token per 1/rate s',
      2,
      3,
      [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 500],
        [250, 250],
        [500, 0],
        [500, 500],
      ],
    ],
    [
      'idle time refills up to the burst only',
      10,
      2,
      [
        [0, 0],
        [0, 0],
        [10_000, 0],
        [10_000, 0],
        [10_000, 100],
      ],
    ],
    [
      'a fractional rate waits whole periods',
      0.5,
      1,
      [
        [0, 0],
        [0, 2000],
        [1000, 1000],
        [2000, 0],
      ],
    ],
    [
      'waiting does not consume a token',
      1,
      1,
      [
        [0, 0],
        [0, 1000],
        [0, 1000],
        [500, 500],
        [1000, 0],
      ],
    ],
  ])('%s (rate %d/s, burst %d)', (_, rate, burst, steps) => {
    let now = 0;
    const bucket = new TokenBucket(rate, burst, () => now);
    for (const [at, expected] of steps) {
      now = at;
      expect(bucket.tryTake(), `at ${at} ms`).toBe(expected);
    }
  });

  it('waitMs says whether a token is there without taking it', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 1, () => now);
    expect([bucket.waitMs(), bucket.waitMs()]).toEqual([0, 0]);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.waitMs()).toBe(500);
    now = 500;
    expect([bucket.waitMs(), bucket.tryTake(), bucket.waitMs()]).toEqual([0, 0, 500]);
  });
});
