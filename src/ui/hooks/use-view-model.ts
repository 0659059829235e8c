import { useMemo, useRef } from 'react';
import { clusterProblem } from '../../model/cluster-health.js';
import type { Column } from '../../model/columns.js';
import { COMPACT_NODE_COLUMNS, NODE_COLUMNS, NODE_COLUMNS_WITHOUT_KUBELET } from '../../model/node-columns.js';
import { buildNodeRows, type NodeRow } from '../../model/node-row.js';
import { byName, orderNodes, orderPods, type SortState } from '../../model/pane-order.js';
import { PodFactsCache } from '../../model/pod-facts.js';
import type { PodRow } from '../../model/pod-row.js';
import { type PodTable, PodTables } from '../../model/pod-table.js';
import type { Snapshot } from '../../model/snapshot.js';
import { parseTextFilter } from '../../model/text-filter.js';
import type { Thresholds } from '../../model/thresholds.js';
import { type AlertCounts, countLevels } from '../header-text.js';
import { arrayRows, podRows, type RowList } from '../row-list.js';
import type { UiState } from '../state.js';

export interface ViewModel {
  readonly nodes: RowList<NodeRow>;
  readonly pods: RowList<PodRow>;
  /** Every pod of the snapshot, for detail views. */
  readonly podTable: PodTable | null;
  readonly nodeColumns: readonly Column<NodeRow>[];
  readonly nodeSort: SortState;
  readonly counts: AlertCounts;
  readonly ready: { readonly ready: number; readonly total: number };
  readonly podTotal: number;
  readonly namespaces: readonly (string | null)[];
  readonly filterError: string | null;
}

const SEVERITY: SortState = { column: 'worst', descending: true };
const nodeKey = (r: NodeRow) => r.uid;

/** Every alert's level but the pods' (the table counts those); a cluster that cannot be read is a crit alert of its own. */
function* levelsOf(nodes: readonly NodeRow[], clusterDown: boolean) {
  if (clusterDown) yield 'crit' as const;
  for (const n of nodes) yield n.level;
}

function alertCounts(nodes: readonly NodeRow[], table: PodTable | null, clusterDown: boolean): AlertCounts {
  const counts = countLevels(levelsOf(nodes, clusterDown));
  const pods = table?.levelCounts() ?? { crit: 0, warn: 0 };
  return { crit: counts.crit + pods.crit, warn: counts.warn + pods.warn };
}

function namespacesOf(table: PodTable | null): (string | null)[] {
  const names = new Set<string>();
  if (table) for (let i = 0; i < table.size; i++) names.add(table.pod(i).namespace);
  return [null, ...[...names].sort()];
}

/**
 * Both panes from the shown snapshot. Sorting, filtering and scrolling recompute from the snapshot
 * in hand; nothing here asks the cluster for anything. Pods are kept as a PodTable, not rows.
 */
export function useViewModel(snapshot: Snapshot | null, state: UiState, thresholds: Thresholds, compact: boolean): ViewModel {
  const tables = useRef(new PodTables(new PodFactsCache()));
  const nodeRows = useMemo(() => (snapshot ? byName(buildNodeRows(snapshot, thresholds)) : []), [snapshot, thresholds]);
  const table = useMemo(() => (snapshot ? tables.current.for(snapshot, thresholds) : null), [snapshot, thresholds]);
  const nodePane = state.panes.nodes;
  const podPane = state.panes.pods;
  const nodeColumns = compact ? COMPACT_NODE_COLUMNS : snapshot?.kubeletOff ? NODE_COLUMNS_WITHOUT_KUBELET : NODE_COLUMNS;
  // A narrow pane shows the worst nodes first unless the user chose an order.
  const nodeSort = compact && !nodePane.sortChosen ? SEVERITY : nodePane.sort;
  const nodeFilter = useMemo(() => parseTextFilter(nodePane.filter), [nodePane.filter]);
  const podFilter = useMemo(() => parseTextFilter(podPane.filter), [podPane.filter]);
  const nodes = useMemo(
    () => arrayRows(orderNodes(nodeRows, nodeColumns, nodeSort, nodeFilter), nodeKey),
    [nodeRows, nodeColumns, nodeSort, nodeFilter],
  );
  const pods = useMemo(
    () =>
      table
        ? podRows(table, orderPods(table, podPane.sort, podFilter, { namespace: state.namespace, node: state.nodeScope }))
        : arrayRows<PodRow>([], (r) => r.uid),
    [table, podPane.sort, podFilter, state.namespace, state.nodeScope],
  );
  const clusterDown = snapshot !== null && clusterProblem(snapshot) !== null;
  const counts = useMemo(() => alertCounts(nodeRows, table, clusterDown), [nodeRows, table, clusterDown]);
  const namespaces = useMemo(() => namespacesOf(table), [table]);
  return {
    nodes,
    pods,
    podTable: table,
    nodeColumns,
    nodeSort,
    counts,
    ready: { ready: nodeRows.filter((r) => r.ready === true).length, total: nodeRows.length },
    podTotal: table?.size ?? 0,
    namespaces,
    filterError: (state.focus === 'nodes' ? nodeFilter : podFilter).error,
  };
}
