import { describe, expect, it } from 'vitest';
import { type SortKey, sortRows } from '../../src/model/sort.js';

interface Row {
  readonly name: string;
  readonly cpu: number | null;
  readonly ns: string;
}

const rows: Row[] = [
  { name: 'c', cpu: 30, ns: 'b' },
  { name: 'a', cpu: null, ns: 'a' },
  { name: 'd', cpu: 10, ns: 'a' },
  { name: 'b', cpu: 30, ns: 'a' },
  { name: 'e', cpu: null, ns: 'b' },
  { name: 'f', cpu: 20, ns: 'b' },
];

const by = (value: (r: Row) => number | string | null, descending = false): SortKey<Row> => ({ value, descending });
const cpu = (r: Row) => r.cpu;
const name = (r: Row) => r.name;
const ns = (r: Row) => r.ns;

describe('sortRows', () => {
  it.each<[string, SortKey<Row>[], string]>([
    ['cpu ascending: nulls last, ties in input order', [by(cpu)], 'dfcbae'],
    ['cpu descending: nulls still last, ties in input order', [by(cpu, true)], 'cbfdae'],
    ['name ascending', [by(name)], 'abcdef'],
    ['name descending', [by(name, true)], 'fedcba'],
    ['namespace then cpu descending', [by(ns), by(cpu, true)], 'bdacfe'],
    ['cpu descending then name descending', [by(cpu, true), by(name, true)], 'cbfdea'],
    ['no keys keeps input order', [], 'cadbef'],
  ])('%s', (_, keys, order) => {
    expect(
      sortRows(rows, keys)
        .map((r) => r.name)
        .join(''),
    ).toBe(order);
  });

  it('does not touch the input array', () => {
    const copy = [...rows];
    sortRows(rows, [by(name, true)]);
    expect(rows).toEqual(copy);
  });

  it('computes each key once per row', () => {
    let calls = 0;
    sortRows(rows, [
      by((r) => {
        calls++;
        return r.cpu;
      }),
    ]);
    expect(calls).toBe(rows.length);
  });
});
