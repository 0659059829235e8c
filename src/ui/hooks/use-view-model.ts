import { useMemo } from 'react';
import type { Column } from '../../model/columns.js';
import { COMPACT_NODE_COLUMNS, NODE_COLUMNS } from '../../model/node-columns.js';
import { buildNodeRows, type NodeRow } from '../../model/node-row.js';
import { orderNodes, orderPods, type SortState } from '../../model/pane-order.js';
import { POD_COLUMNS } from '../../model/pod-columns.js';
import { buildPodRows, type PodRow } from '../../model/pod-row.js';
import type { Snapshot } from '../../model/snapshot.js';
import { parseTextFilter } from '../../model/text-filter.js';
import type { Thresholds } from '../../model/thresholds.js';
import { type AlertCounts, countLevels } from '../header-text.js';
import type { UiState } from '../state.js';

export interface ViewModel {
  readonly nodes: readonly NodeRow[];
  readonly pods: readonly PodRow[];
  readonly nodeColumns: readonly Column<NodeRow>[];
  readonly nodeSort: SortState;
  readonly counts: AlertCounts;
  readonly ready: { readonly ready: number; readonly total: number };
  readonly podTotal: number;
  readonly namespaces: readonly (string | null)[];
  readonly filterError: string | null;
}

const SEVERITY: SortState = { column: 'worst', descending: true };

/**
 * Rows for both panes from the shown snapshot. Sorting, filtering and scrolling recompute from the
 * snapshot already in hand; nothing here asks the cluster for anything.
 */
export function useViewModel(snapshot: Snapshot | null, state: UiState, thresholds: Thresholds, compact: boolean): ViewModel {
  const nodeRows = useMemo(() => (snapshot ? buildNodeRows(snapshot, thresholds) : []), [snapshot, thresholds]);
  const podRows = useMemo(() => (snapshot ? buildPodRows(snapshot, thresholds, snapshot.takenAt) : []), [snapshot, thresholds]);
  const nodePane = state.panes.nodes;
  const podPane = state.panes.pods;
  const nodeColumns = compact ? COMPACT_NODE_COLUMNS : NODE_COLUMNS;
  // A narrow pane shows the worst nodes first unless the user chose an order.
  const nodeSort = compact && !nodePane.sortChosen ? SEVERITY : nodePane.sort;
  const nodeFilter = useMemo(() => parseTextFilter(nodePane.filter), [nodePane.filter]);
  const podFilter = useMemo(() => parseTextFilter(podPane.filter), [podPane.filter]);
  const nodes = useMemo(() => orderNodes(nodeRows, nodeColumns, nodeSort, nodeFilter), [nodeRows, nodeColumns, nodeSort, nodeFilter]);
  const pods = useMemo(
    () => orderPods(podRows, POD_COLUMNS, podPane.sort, podFilter, { namespace: state.namespace, node: state.nodeScope }),
    [podRows, podPane.sort, podFilter, state.namespace, state.nodeScope],
  );
  const counts = useMemo(() => countLevels([...nodeRows.map((r) => r.level), ...podRows.map((r) => r.level)]), [nodeRows, podRows]);
  const namespaces = useMemo(() => [null, ...[...new Set(podRows.map((p) => p.namespace))].sort()], [podRows]);
  return {
    nodes,
    pods,
    nodeColumns,
    nodeSort,
    counts,
    ready: { ready: nodeRows.filter((r) => r.ready === true).length, total: nodeRows.length },
    podTotal: podRows.length,
    namespaces,
    filterError: (state.focus === 'nodes' ? nodeFilter : podFilter).error,
  };
}
