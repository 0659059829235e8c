import type { Column } from './columns.js';
import { levelRank } from './levels.js';
import type { NodeRow } from './node-row.js';
import type { PodTable } from './pod-table.js';
import { radixOrder } from './radix-order.js';
import { sortIndices, sortRows } from './sort.js';
import { matchesAny, type TextFilter } from './text-filter.js';

export interface SortState {
  readonly column: string;
  readonly descending: boolean;
}

export interface PodScope {
  readonly namespace: string | null;
  readonly node: string | null;
  /** Only pods with a problem: not Running (nor Completed), or alerting. */
  readonly problems?: boolean;
}

/**
 * Nodes in their base order (by name). Sorts are stable, so once this is done per snapshot, ties
 * keep name order and sorting by a column reads only that column's key.
 */
export function byName<R extends { readonly name: string }>(rows: readonly R[]): R[] {
  return sortRows(rows, [{ value: (r) => r.name, descending: false }]);
}

/** How much a node needs looking at: NotReady 3, crit 2, warn 1, else 0. */
export function alertRank(row: NodeRow): number {
  return row.ready !== true ? 3 : levelRank(row.level);
}

/**
 * Nodes matching the filter, sorted; `rows` must be in base order (see byName). With
 * `problemsFirst` (the node pane's default order) alerting nodes come first, NotReady then crit
 * then warn, each group in the order of the sort column: a NotReady node with no figures is never last.
 */
export function orderNodes(
  rows: readonly NodeRow[],
  columns: readonly Column<NodeRow>[],
  sort: SortState,
  filter: TextFilter | null,
  problemsFirst = false,
): readonly NodeRow[] {
  const shown = filter?.source ? rows.filter((r) => matchesAny(filter, [r.name, r.status, ...r.roles])) : rows;
  const value = columns.find((c) => c.id === sort.column)?.sort?.value;
  const keys = [
    ...(problemsFirst ? [{ value: alertRank, descending: true }] : []),
    ...(value ? [{ value, descending: sort.descending }] : []),
  ];
  return keys.length ? sortRows(shown, keys) : shown;
}

/**
 * Indices into the pod table of the pods in scope and matching the filter, sorted. Ties keep the
 * table's order: the inventory's, which is the apiserver's namespace/name order with newer pods
 * after, so 150,000 pods need no second sort by name.
 */
export function orderPods(table: PodTable, sort: SortState, filter: TextFilter | null, scope: PodScope): Uint32Array {
  const everything = !filter?.source && scope.namespace === null && scope.node === null && !scope.problems;
  const picked: number[] = [];
  for (let i = 0; i < table.size; i++) {
    if (everything) {
      picked.push(i);
      continue;
    }
    const pod = table.pod(i);
    if (scope.namespace !== null && pod.namespace !== scope.namespace) continue;
    if (scope.node !== null && pod.nodeName !== scope.node) continue;
    if (scope.problems && !table.hasProblem(i)) continue;
    if (matchesAny(filter, table.searchable(i))) picked.push(i);
  }
  const order = Uint32Array.from(picked);
  const key = table.sortKey(sort.column);
  if (!key) return order;
  if (key.strings) return sortIndices(picked, [{ value: key.strings, descending: sort.descending }]);
  // Figures: read straight from the table's own typed array; ties keep the table's order.
  return radixOrder(order, key.numbers, sort.descending);
}
