import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Alert } from '../../model/alerts.js';
import { clusterProblem } from '../../model/cluster-health.js';
import type { Column } from '../../model/columns.js';
import { evictionOf } from '../../model/node-forecast.js';
import type { NodeRow } from '../../model/node-row.js';
import { POD_COLUMNS } from '../../model/pod-columns.js';
import type { PodRow } from '../../model/pod-row.js';
import type { Thresholds } from '../../model/thresholds.js';
import type { AlertBook } from '../alert-book.js';
import { measuredWidths, podTableWidths } from '../column-widths.js';
import { type EventEntry, entryTarget, eventEntries, firingOrder, paneOf } from '../event-entries.js';
import { fitText } from '../fit-text.js';
import { countLevels } from '../header-text.js';
import { helpLines } from '../help-lines.js';
import { useAlerts } from '../hooks/use-alerts.js';
import { useKeys } from '../hooks/use-keys.js';
import { useNow } from '../hooks/use-now.js';
import { usePodNodes } from '../hooks/use-pod-nodes.js';
import { type ReplayControl, useReplay } from '../hooks/use-replay.js';
import { type SnapshotSource, useSnapshot } from '../hooks/use-snapshot.js';
import { useSuspend } from '../hooks/use-suspend.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useViewModel } from '../hooks/use-view-model.js';
import { paneHeights } from '../pane-heights.js';
import { pickedIndex, reducer } from '../reducer.js';
import { arrayRows } from '../row-list.js';
import { type CommandContext, type EventsContext, initialState } from '../state.js';
import type { Theme } from '../theme.js';
import { wrapLines } from '../wrap-lines.js';
import { BottomLine } from './BottomLine.js';
import { ContextPicker } from './ContextPicker.js';
import { EventsPane, eventsPage } from './EventsPane.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { KeyHints } from './KeyHints.js';
import { NamespacePicker } from './NamespacePicker.js';
import { NodeDetail } from './NodeDetail.js';
import { Pane } from './Pane.js';
import { PodDetail } from './PodDetail.js';

export interface AppProps {
  readonly source: SnapshotSource;
  readonly thresholds: Thresholds;
  readonly theme: Theme;
  /** -n: the namespace to start in (null: all). */
  readonly namespace: string | null;
  /** Told which nodes are on screen, so their kubelet figures are kept freshest. */
  readonly onVisibleNodes?: (names: readonly string[]) => void;
  /** Told which nodes host the pods on screen (and the selected pod), whose throttling and pod figures are read. */
  readonly onPodNodes?: (names: readonly string[]) => void;
  /** A node's or pod's detail opened: its past may be fetched (from Prometheus). */
  readonly onDetail?: (pane: 'nodes' | 'pods', uid: string) => void;
  /** Ctrl-Z: hands the terminal to the shell; settles when kmon is in front again. */
  readonly suspend?: () => Promise<void>;
  /** The kubeconfig's contexts, for the context picker (c). */
  readonly contexts?: readonly string[];
  /** A context was picked: the screen switches to that cluster. */
  readonly onSwitchContext?: (context: string) => void;
  /** Esc with nothing left to undo: back to the fleet view (only when there is one). */
  readonly onLeave?: () => void;
  /** The cluster's alert book, when a fleet keeps it across visits. */
  readonly alertBook?: AlertBook;
  /** kmon replay: the recording's player, whose frames `source` gives; times are the recorded ones. */
  readonly replay?: ReplayControl;
}

function eventsContext(entries: readonly EventEntry[], page: number): EventsContext {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    ids: arrayRows(entries, (e) => e.id),
    page,
    target: (id) => {
      const entry = byId.get(id);
      return entry ? paneOf(entryTarget(entry)) : null;
    },
  };
}

/** When each node's or pod's oldest firing alert began, by UID, for cells that show ages. */
function alertSince(firing: readonly Alert[]): (uid: string) => number | null {
  const since = new Map<string, number>();
  for (const a of firing) {
    const uid = a.target.uid;
    if (uid) since.set(uid, Math.min(since.get(uid) ?? a.since, a.since));
  }
  return (uid) => since.get(uid) ?? null;
}

const sortable = (columns: readonly Column<NodeRow>[] | readonly Column<PodRow>[]) =>
  columns.flatMap((c) => (c.sort ? [{ id: c.id, descending: c.sort.descending }] : []));

export function App(props: AppProps) {
  const { source, thresholds, theme, namespace, onVisibleNodes, onPodNodes, onDetail, suspend, replay } = props;
  const { contexts, onSwitchContext, onLeave, alertBook } = props;
  const live = useSnapshot(source);
  const ticking = useNow(live);
  const replaying = useReplay(replay);
  const { columns: width, rows: height } = useTerminalSize();
  const [state, dispatch] = useReducer(reducer, namespace, (ns) => initialState(ns, replay !== undefined));
  const shown = state.frozen ?? live;
  // A replay's clock is the recording's: ages and the header read the time of the frame shown.
  const now = replaying && shown ? shown.takenAt : ticking;
  const layout = paneHeights(height, width, shown?.nodes.length ?? 0);
  // In a pane too small for both (compact), the focused pane has the whole body.
  const podsShown = !layout.compact || state.focus === 'pods';
  const podsHeight = layout.compact ? layout.body : layout.pods;
  const vm = useViewModel(shown, state, thresholds, layout.compact);
  const built = useMemo(
    () => ({ nodes: vm.allNodes, table: vm.podTable, signals: vm.podSignals }),
    [vm.allNodes, vm.podTable, vm.podSignals],
  );
  const alerts = useAlerts(live, shown, built, thresholds, { kept: alertBook, epoch: replaying?.epoch });
  const firing = useMemo(() => firingOrder(alerts.firing), [alerts]);
  const counts = useMemo(() => countLevels(firing.map((a) => a.level)), [firing]);
  const entries = useMemo(() => eventEntries(alerts), [alerts]);

  const help = useMemo(() => wrapLines(helpLines(theme, replay !== undefined), width), [theme, replay, width]);
  const context = useCallback(
    (): CommandContext => ({
      panes: {
        nodes: { ids: vm.nodes, page: Math.max(1, layout.nodes - 2), sortColumns: sortable(vm.nodeColumns) },
        pods: { ids: vm.pods, page: Math.max(1, podsHeight - 2), sortColumns: sortable(POD_COLUMNS) },
      },
      snapshot: live,
      namespaces: vm.namespaces,
      selectedNodeName: vm.nodes.length ? vm.nodes.at(Math.max(0, vm.nodes.indexOf(state.panes.nodes.selected))).name : null,
      help: { lines: help.length, page: Math.max(1, layout.body - 2) },
      events: eventsContext(entries, eventsPage(layout.body)),
      contexts,
      currentContext: live?.scope.context ?? null,
      canLeave: onLeave !== undefined,
    }),
    [layout.nodes, podsHeight, layout.body, state.panes.nodes.selected, vm, live, help, entries, contexts, onLeave],
  );
  useKeys(state, dispatch, context);
  useEffect(() => {
    if (state.switchTo) onSwitchContext?.(state.switchTo);
  }, [state.switchTo, onSwitchContext]);
  useEffect(() => {
    if (state.leaving) onLeave?.();
  }, [state.leaving, onLeave]);
  useSuspend(state.suspended, dispatch, suspend);
  // Measured once a snapshot (or column set), not once a frame: fitted columns hold no figures that tick.
  const nodeWidth = useMemo(
    () =>
      shown
        ? measuredWidths(vm.nodeColumns, vm.allNodes, { now: Date.now(), ascii: theme.ascii, history: shown.history, asOfTick: shown.seq })
        : (c: Column<NodeRow>) => c.maxWidth,
    [vm.nodeColumns, vm.allNodes, theme.ascii, shown],
  );
  const podWidth = useMemo(() => podTableWidths(vm.podTable, theme.ascii), [vm.podTable, theme.ascii]);

  const visibleNodes = useMemo(() => {
    const names: string[] = [];
    for (let p = 0; p < Math.min(vm.nodes.length, layout.nodes); p++) names.push(vm.nodes.at(p).name);
    return names.join('\n');
  }, [vm.nodes, layout.nodes]);
  useEffect(() => onVisibleNodes?.(visibleNodes ? visibleNodes.split('\n') : []), [visibleNodes, onVisibleNodes]);
  const podsState = state.panes.pods;
  const detailOf = (pane: 'nodes' | 'pods') => (state.mode === 'detail' && state.detail?.pane === pane ? state.detail.uid : null);
  const detailNodeUid = detailOf('nodes');
  usePodNodes(
    {
      pods: vm.pods,
      paneHeight: podsShown ? podsHeight : 0,
      selected: podsState.selected,
      scrollTop: podsState.scrollTop,
      detail: detailOf('pods'),
      detailNode: detailNodeUid === null ? null : (vm.allNodes.find((n) => n.uid === detailNodeUid)?.name ?? null),
    },
    onPodNodes,
  );
  useEffect(() => {
    if (state.replayRequest) replay?.command(state.replayRequest.command);
  }, [state.replayRequest, replay]);
  const opened = state.mode === 'detail' ? state.detail : null;
  useEffect(() => {
    if (opened) onDetail?.(opened.pane, opened.uid);
  }, [opened, onDetail]);

  if (!shown) {
    return <Text>{fitText(` kmon: connecting${theme.ascii ? '...' : '…'}`, width, 'left', theme.symbols.ellipsis)}</Text>;
  }
  const cellContext = { now, ascii: theme.ascii, history: shown.history, asOfTick: shown.seq, since: alertSince(firing) };
  const body = layout.body;
  const detail = state.mode === 'detail' ? state.detail : null;
  const header = (
    <Header
      snapshot={shown}
      alerts={firing}
      now={now}
      counts={counts}
      ready={vm.ready}
      pods={{ shown: vm.pods.length, total: vm.podTotal }}
      namespace={state.namespace}
      paused={state.frozen !== null}
      replay={replaying}
      width={width}
      compact={layout.compact}
      theme={theme}
    />
  );
  const nodePane = (
    <Pane
      title="NODES"
      count={shown.inventoryAt === null ? (clusterProblem(shown) ? '?' : theme.symbols.ellipsis) : undefined}
      scope={state.panes.nodes.filter ? `filter ${state.panes.nodes.filter}` : ''}
      columns={vm.nodeColumns}
      rows={vm.nodes}
      selected={state.panes.nodes.selected}
      scrollTop={state.panes.nodes.scrollTop}
      sort={vm.nodeSort}
      sortLead={vm.problemsFirst && vm.nodeSort.column !== 'worst' ? 'alerts, ' : ''}
      focused={state.focus === 'nodes' || layout.compact}
      width={width}
      height={layout.nodes}
      context={cellContext}
      theme={theme}
      empty={shown.inventoryAt === null ? 'nodes not read yet' : 'no nodes match'}
      contentWidth={nodeWidth}
    />
  );
  const podsPane = (
    <Pane
      title="PODS"
      scope={[
        `ns ${state.namespace ?? 'all'}`,
        state.nodeScope ? `node ${state.nodeScope}` : '',
        state.problemsOnly ? 'problems only' : '',
        state.panes.pods.filter ? `filter ${state.panes.pods.filter}` : '',
      ]
        .filter(Boolean)
        .join('  ')}
      columns={POD_COLUMNS}
      rows={vm.pods}
      selected={state.panes.pods.selected}
      scrollTop={state.panes.pods.scrollTop}
      sort={state.panes.pods.sort}
      focused={state.focus === 'pods'}
      width={width}
      height={podsHeight}
      context={cellContext}
      theme={theme}
      empty={shown.podsListed ? 'no pods match' : 'pods not read yet'}
      count={shown.podsListed ? undefined : theme.symbols.ellipsis}
      contentWidth={podWidth}
    />
  );
  return (
    <Box flexDirection="column" width={width} height={layout.total}>
      {header}
      {state.mode === 'help' ? (
        <HelpOverlay lines={help} top={state.helpTop} width={width} height={body} theme={theme} />
      ) : state.mode === 'events' ? (
        <EventsPane
          entries={entries}
          firing={firing.length}
          selected={state.events.selected}
          scrollTop={state.events.scrollTop}
          now={now}
          width={width}
          height={body}
          theme={theme}
        />
      ) : state.mode === 'namespace' ? (
        <NamespacePicker
          namespaces={vm.namespaces}
          index={pickedIndex(state, vm.namespaces)}
          current={state.namespace}
          width={width}
          height={body}
          theme={theme}
        />
      ) : state.mode === 'context' ? (
        <ContextPicker
          contexts={contexts ?? []}
          picked={state.pickedContext}
          current={shown.scope.context}
          width={width}
          height={body}
          theme={theme}
        />
      ) : detail ? (
        <DetailView detail={detail} shown={shown} vm={vm} firing={firing} now={now} width={width} height={body} theme={theme} />
      ) : layout.compact ? (
        // A pane too small for both shows the one with the keys: Tab changes which.
        podsShown ? (
          podsPane
        ) : (
          nodePane
        )
      ) : (
        <>
          {nodePane}
          {podsPane}
        </>
      )}
      {layout.hints === 0 ? null : (
        <BottomLine
          draft={state.mode === 'filter' ? state.draft : null}
          notice={state.notice}
          width={width}
          theme={theme}
          hints={
            <KeyHints
              width={width}
              theme={theme}
              detail={state.mode === 'detail'}
              events={state.mode === 'events'}
              fleet={onLeave ? 'cluster' : undefined}
              replay={replay !== undefined}
            />
          }
        />
      )}
    </Box>
  );
}

interface DetailViewProps {
  readonly detail: NonNullable<ReturnType<typeof initialState>['detail']>;
  readonly shown: NonNullable<ReturnType<typeof useSnapshot>>;
  readonly vm: ReturnType<typeof useViewModel>;
  readonly firing: readonly Alert[];
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

function DetailView({ detail, shown, vm, firing, now, width, height, theme }: DetailViewProps) {
  const alerts = firing.filter((a) => a.target.uid === detail.uid);
  const common = { history: shown.history, kubeletHistory: shown.kubelet?.history, asOfTick: shown.seq, alerts, now, width, height, theme };
  const table = vm.podTable;
  if (detail.pane === 'nodes') {
    const position = vm.nodes.indexOf(detail.uid);
    const node = shown.nodes.find((n) => n.uid === detail.uid);
    if (position < 0 || !node || !table)
      return <Text>{fitText(' that node is gone (Esc to go back)', width, 'left', theme.symbols.ellipsis)}</Text>;
    const row = vm.nodes.at(position);
    const pods = table.rowsWhere((p) => p.nodeName === row.name).sort((a, b) => (b.memory.usage ?? 0) - (a.memory.usage ?? 0));
    return <NodeDetail row={row} node={node} eviction={evictionOf(shown, node.name)} pods={pods} {...common} />;
  }
  const index = table?.indexOf(detail.uid) ?? -1;
  if (!table || index < 0) return <Text>{fitText(' that pod is gone (Esc to go back)', width, 'left', theme.symbols.ellipsis)}</Text>;
  const pod = table.pod(index);
  return <PodDetail row={table.row(index)} pod={pod} usage={table.usageOf(index)} {...common} />;
}
