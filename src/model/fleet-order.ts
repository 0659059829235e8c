import { FLEET_COLUMNS } from './fleet-columns.js';
import type { FleetRow } from './fleet-row.js';
import type { SortState } from './pane-order.js';
import { sortRows } from './sort.js';
import { matchesAny, type TextFilter } from './text-filter.js';

/** Clusters matching the filter (context, server or problem), sorted; `rows` in base order (byName). */
export function orderFleet(rows: readonly FleetRow[], sort: SortState, filter: TextFilter | null): readonly FleetRow[] {
  const shown = filter?.source ? rows.filter((r) => matchesAny(filter, [r.name, r.server, r.problem?.text ?? ''])) : rows;
  const value = FLEET_COLUMNS.find((c) => c.id === sort.column)?.sort?.value;
  return value ? sortRows(shown, [{ value, descending: sort.descending }]) : shown;
}
