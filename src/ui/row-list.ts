import type { PodRow } from '../model/pod-row.js';
import type { PodTable } from '../model/pod-table.js';

/** The rows of a pane in display order, by position; a pane draws only the positions on screen. */
export interface RowList<R> {
  readonly length: number;
  at(position: number): R;
  key(position: number): string;
  /** Position of the row with this key, or -1. */
  indexOf(key: string | null): number;
}

export function arrayRows<R>(rows: readonly R[], keyOf: (row: R) => string): RowList<R> {
  return {
    length: rows.length,
    at: (p) => rows[p] as R,
    key: (p) => keyOf(rows[p] as R),
    indexOf: (key) => (key === null ? -1 : rows.findIndex((r) => keyOf(r) === key)),
  };
}

/** Pods by position in a sorted order of the table; full rows are built for the positions drawn. */
export function podRows(table: PodTable, order: Uint32Array): RowList<PodRow> {
  const built = new Map<number, PodRow>();
  return {
    length: order.length,
    at: (p) => {
      const i = order[p] as number;
      let row = built.get(i);
      if (!row) {
        row = table.row(i);
        built.set(i, row);
      }
      return row;
    },
    key: (p) => table.uid(order[p] as number),
    indexOf: (key) => {
      if (key === null) return -1;
      for (let p = 0; p < order.length; p++) if (table.uid(order[p] as number) === key) return p;
      return -1;
    },
  };
}
