import type { Column } from './columns.js';
import type { NodeRow } from './node-row.js';
import type { PodRow } from './pod-row.js';
import { type SortKey, sortRows } from './sort.js';
import { matchesAny, type TextFilter } from './text-filter.js';

export interface SortState {
  readonly column: string;
  readonly descending: boolean;
}

function keysFor<R>(columns: readonly Column<R>[], sort: SortState, tiebreak: readonly SortKey<R>[]): SortKey<R>[] {
  const column = columns.find((c) => c.id === sort.column);
  const primary = column?.sort ? [{ value: column.sort.value, descending: sort.descending }] : [];
  return [...primary, ...tiebreak];
}

export function orderNodes(
  rows: readonly NodeRow[],
  columns: readonly Column<NodeRow>[],
  sort: SortState,
  filter: TextFilter | null,
): NodeRow[] {
  const shown = rows.filter((r) => matchesAny(filter, [r.name, r.status, ...r.roles]));
  return sortRows(shown, keysFor(columns, sort, [{ value: (r) => r.name, descending: false }]));
}

export interface PodScope {
  readonly namespace: string | null;
  readonly node: string | null;
}

export function orderPods(
  rows: readonly PodRow[],
  columns: readonly Column<PodRow>[],
  sort: SortState,
  filter: TextFilter | null,
  scope: PodScope,
): PodRow[] {
  const shown = rows.filter(
    (r) =>
      (scope.namespace === null || r.namespace === scope.namespace) &&
      (scope.node === null || r.node === scope.node) &&
      matchesAny(filter, [r.namespace, r.name, r.node, r.status]),
  );
  return sortRows(
    shown,
    keysFor(columns, sort, [
      { value: (r) => r.namespace, descending: false },
      { value: (r) => r.name, descending: false },
    ]),
  );
}
