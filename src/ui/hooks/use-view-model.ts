import { useMemo, useRef } from 'react';
import type { Column } from '../../model/columns.js';
import { COMPACT_NODE_COLUMNS, NODE_COLUMNS, NODE_COLUMNS_WITHOUT_KUBELET } from '../../model/node-columns.js';
import { buildNodeRows, type NodeRow } from '../../model/node-row.js';
import { withSignalColumns } from '../../model/node-signal-columns.js';
import { byName, orderNodes, orderPods, type SortState } from '../../model/pane-order.js';
import { PodFactsCache } from '../../model/pod-facts.js';
import type { PodRow } from '../../model/pod-row.js';
import { PodSignalTable } from '../../model/pod-signal-table.js';
import { type PodTable, PodTables } from '../../model/pod-table.js';
import type { Snapshot } from '../../model/snapshot.js';
import { parseTextFilter } from '../../model/text-filter.js';
import type { Thresholds } from '../../model/thresholds.js';
import { arrayRows, podRows, type RowList } from '../row-list.js';
import type { UiState } from '../state.js';

export interface ViewModel {
  /** Every node, filter or not, by name. */
  readonly allNodes: readonly NodeRow[];
  readonly nodes: RowList<NodeRow>;
  readonly pods: RowList<PodRow>;
  /** Every pod of the snapshot, for detail views. */
  readonly podTable: PodTable | null;
  /** Every pod's throttling and ephemeral storage, for sorting, the problem filter and alerts. */
  readonly podSignals: PodSignalTable | null;
  readonly nodeColumns: readonly Column<NodeRow>[];
  readonly nodeSort: SortState;
  /** Alerting nodes first (NotReady, crit, warn), then the sort: the node pane's order until a sort is chosen. */
  readonly problemsFirst: boolean;
  readonly ready: { readonly ready: number; readonly total: number };
  readonly podTotal: number;
  readonly namespaces: readonly (string | null)[];
}

const SEVERITY: SortState = { column: 'worst', descending: true };
const nodeKey = (r: NodeRow) => r.uid;

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
  const signalTable = useRef<PodSignalTable | null>(null);
  const signals = useMemo(() => {
    if (snapshot) signalTable.current = PodSignalTable.of(snapshot, thresholds, signalTable.current);
    return snapshot ? signalTable.current : null;
  }, [snapshot, thresholds]);
  const nodePane = state.panes.nodes;
  const podPane = state.panes.pods;
  const nodeColumns = useMemo(
    () =>
      compact ? COMPACT_NODE_COLUMNS : snapshot?.kubeletOff ? NODE_COLUMNS_WITHOUT_KUBELET : withSignalColumns(NODE_COLUMNS, nodeRows),
    [compact, snapshot?.kubeletOff, nodeRows],
  );
  // A narrow pane shows the worst nodes first unless the user chose an order.
  const nodeSort = compact && !nodePane.sortChosen ? SEVERITY : nodePane.sort;
  const nodeFilter = useMemo(() => parseTextFilter(nodePane.filter), [nodePane.filter]);
  const podFilter = useMemo(() => parseTextFilter(podPane.filter), [podPane.filter]);
  const problemsFirst = !nodePane.sortChosen;
  const nodes = useMemo(
    () => arrayRows(orderNodes(nodeRows, nodeColumns, nodeSort, nodeFilter, problemsFirst), nodeKey),
    [nodeRows, nodeColumns, nodeSort, nodeFilter, problemsFirst],
  );
  // The order reads the pods' signals only for the problem filter or a THR%/EPH% sort; otherwise
  // new kubelet reads (a new signal table every snapshot) leave 150,000 pods in the order they had.
  const orderSignals = signals && (state.problemsOnly || signals.sortKey(podPane.sort.column) !== null) ? signals : null;
  const pods = useMemo(
    () =>
      table
        ? podRows(
            table,
            orderPods(
              table,
              podPane.sort,
              podFilter,
              { namespace: state.namespace, node: state.nodeScope, problems: state.problemsOnly },
              orderSignals,
            ),
          )
        : arrayRows<PodRow>([], (r) => r.uid),
    [table, orderSignals, podPane.sort, podFilter, state.namespace, state.nodeScope, state.problemsOnly],
  );
  const namespaces = useMemo(() => namespacesOf(table), [table]);
  return {
    allNodes: nodeRows,
    nodes,
    pods,
    podTable: table,
    podSignals: signals,
    nodeColumns,
    nodeSort,
    problemsFirst,
    ready: { ready: nodeRows.filter((r) => r.ready === true).length, total: nodeRows.length },
    podTotal: table?.size ?? 0,
    namespaces,
  };
}
