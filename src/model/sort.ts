// Stable multi-key sort that precomputes each key once per row, so sorting 150,000 pods costs one
// pass per key plus an index sort instead of recomputing values inside the comparator.

export type SortValue = number | string | null;

export interface SortKey<R> {
  readonly value: (row: R) => SortValue;
  readonly descending: boolean;
}

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  // Unknown figures go last whichever way the column is sorted: they are not the hottest rows.
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortRows<R>(rows: readonly R[], keys: readonly SortKey<R>[]): R[] {
  const columns = keys.map((key) => rows.map(key.value));
  const order = Array.from(rows.keys());
  order.sort((i, j) => {
    for (let k = 0; k < keys.length; k++) {
      const column = columns[k] as SortValue[];
      const a = column[i] ?? null;
      const b = column[j] ?? null;
      const c = compare(a, b);
      if (c !== 0) return a === null || b === null || !keys[k]?.descending ? c : -c;
    }
    return i - j;
  });
  return order.map((i) => rows[i] as R);
}
