import { describe, expect, it } from 'vitest';
import { radixOrder } from '../../src/model/radix-order.js';
import { compareNumbers } from '../../src/model/sort.js';

/** What radixOrder must equal: a stable comparator sort. */
function expected(indices: readonly number[], values: Float64Array, descending: boolean): number[] {
  return [...indices].sort(
    (a, b) => compareNumbers(values[a] as number, values[b] as number, descending) || indices.indexOf(a) - indices.indexOf(b),
  );
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SPECIAL = [Number.NaN, 0, -0, 1, -1, 0.5, -0.5, 1e-300, -1e-300, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity];

describe('radixOrder', () => {
  it.each([false, true])('orders special numbers as compareNumbers does (descending: %s)', (descending) => {
    const values = Float64Array.from([...SPECIAL, ...SPECIAL]);
    const indices = Uint32Array.from(values.keys());
    expect([...radixOrder(indices, values, descending)]).toEqual(expected([...indices], values, descending));
  });

  it.each([1, 2, 3, 4, 5])('matches a stable comparator sort on figures like a pod table’s (seed %d)', (seed) => {
    const next = random(seed);
    // Millicores, bytes and percentages, with ties, unknowns and a subset of rows picked.
    const values = Float64Array.from({ length: 3000 }, (_, i) => {
      const r = next();
      if (r < 0.05) return Number.NaN;
      if (i % 3 === 0) return Math.floor(r * 50);
      if (i % 3 === 1) return Math.floor(r * 2 ** 40);
      return r * 180;
    });
    const indices = Uint32Array.from([...values.keys()].filter(() => next() < 0.7));
    for (const descending of [false, true]) {
      expect([...radixOrder(indices, values, descending)]).toEqual(expected([...indices], values, descending));
    }
  });

  it('keeps the given order of equal figures, which need no sort at all', () => {
    const values = Float64Array.from([7, 7, 7, 7]);
    expect([...radixOrder(Uint32Array.from([3, 1, 2, 0]), values, true)]).toEqual([3, 1, 2, 0]);
  });

  it('returns a copy for zero or one index', () => {
    const one = Uint32Array.from([4]);
    const sorted = radixOrder(one, new Float64Array(5), false);
    expect([...sorted]).toEqual([4]);
    expect(sorted).not.toBe(one);
    expect([...radixOrder(new Uint32Array(0), new Float64Array(0), true)]).toEqual([]);
  });
});
