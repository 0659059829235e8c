import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { NodeRow } from '../../model/node-row.js';
import { POD_COLUMNS } from '../../model/pod-columns.js';
import type { PodRow } from '../../model/pod-row.js';
import { podKey } from '../../model/snapshot.js';
import type { Thresholds } from '../../model/thresholds.js';
import { fitText } from '../fit-text.js';
import { useKeys } from '../hooks/use-keys.js';
import { useNow } from '../hooks/use-now.js';
import { type SnapshotSource, useSnapshot } from '../hooks/use-snapshot.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useViewModel } from '../hooks/use-view-model.js';
import { paneHeights } from '../pane-heights.js';
import { reducer } from '../reducer.js';
import { type CommandContext, initialState } from '../state.js';
import type { Theme } from '../theme.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { KeyHints } from './KeyHints.js';
import { NamespacePicker } from './NamespacePicker.js';
import { NodeDetail } from './NodeDetail.js';
import { Pane } from './Pane.js';
import { PodDetail } from './PodDetail.js';
import { Prompt } from './Prompt.js';

export interface AppProps {
  readonly source: SnapshotSource;
  readonly thresholds: Thresholds;
  readonly theme: Theme;
  /** -n: the namespace to start in (null: all). */
  readonly namespace: string | null;
  /** Told which nodes are on screen, so their kubelet figures are kept freshest. */
  readonly onVisibleNodes?: (names: readonly string[]) => void;
}

const nodeKey = (r: NodeRow) => r.uid;
const podRowKey = (r: PodRow) => r.uid;

export function App({ source, thresholds, theme, namespace, onVisibleNodes }: AppProps) {
  const live = useSnapshot(source);
  const now = useNow();
  const { columns: width, rows: height } = useTerminalSize();
  const [state, dispatch] = useReducer(reducer, namespace, initialState);
  const shown = state.frozen ?? live;
  const layout = paneHeights(height, width, shown?.nodes.length ?? 0);
  const vm = useViewModel(shown, state, thresholds, layout.compact);
  const focusedRows: readonly (NodeRow | PodRow)[] = state.focus === 'nodes' ? vm.nodes : vm.pods;
  const page = Math.max(1, (state.focus === 'nodes' ? layout.nodes : layout.pods) - 2);

  const context = useCallback(
    (): CommandContext => ({
      ids: focusedRows.map((r) => r.uid),
      page,
      sortColumns: (state.focus === 'nodes' ? vm.nodeColumns : POD_COLUMNS).flatMap((c) =>
        c.sort ? [{ id: c.id, descending: c.sort.descending }] : [],
      ),
      snapshot: live,
      namespaces: vm.namespaces,
      selectedNodeName: vm.nodes.find((n) => n.uid === state.panes.nodes.selected)?.name ?? vm.nodes[0]?.name ?? null,
    }),
    [focusedRows, page, state.focus, state.panes.nodes.selected, vm, live],
  );
  useKeys(state, dispatch, context, true);

  const visibleNodes = useMemo(
    () =>
      vm.nodes
        .slice(0, layout.nodes)
        .map((n) => n.name)
        .join('\n'),
    [vm.nodes, layout.nodes],
  );
  useEffect(() => onVisibleNodes?.(visibleNodes ? visibleNodes.split('\n') : []), [visibleNodes, onVisibleNodes]);

  if (!shown) {
    return <Text>{fitText(' kmon: connecting…', width)}</Text>;
  }
  const cellContext = { now, ascii: theme.ascii, history: shown.history, asOfTick: shown.seq };
  const body = layout.body;
  const detail = state.mode === 'detail' ? state.detail : null;
  const header = (
    <Header
      snapshot={shown}
      now={now}
      counts={vm.counts}
      ready={vm.ready}
      pods={vm.podTotal}
      namespace={state.namespace}
      paused={state.frozen !== null}
      width={width}
      compact={layout.compact}
      theme={theme}
    />
  );
  const nodePane = (
    <Pane
      title="NODES"
      scope={state.panes.nodes.filter ? `filter ${state.panes.nodes.filter}` : ''}
      columns={vm.nodeColumns}
      rows={vm.nodes}
      rowKey={nodeKey}
      selected={state.panes.nodes.selected}
      scrollTop={state.panes.nodes.scrollTop}
      sort={vm.nodeSort}
      focused={state.focus === 'nodes' || layout.compact}
      width={width}
      height={layout.nodes}
      context={cellContext}
      theme={theme}
      empty={shown.inventoryAt === null ? 'nodes not read yet' : 'no nodes match'}
    />
  );
  return (
    <Box flexDirection="column" width={width} height={layout.total}>
      {header}
      {state.mode === 'help' ? (
        <HelpOverlay width={width} height={body} theme={theme} />
      ) : state.mode === 'namespace' ? (
        <NamespacePicker
          namespaces={vm.namespaces}
          index={state.pickerIndex}
          current={state.namespace}
          width={width}
          height={body}
          theme={theme}
        />
      ) : detail ? (
        <DetailView detail={detail} shown={shown} vm={vm} now={now} width={width} height={body} theme={theme} />
      ) : layout.compact ? (
        nodePane
      ) : (
        <>
          {nodePane}
          <Pane
            title="PODS"
            scope={[
              `ns ${state.namespace ?? 'all'}`,
              state.nodeScope ? `node ${state.nodeScope}` : '',
              state.panes.pods.filter ? `filter ${state.panes.pods.filter}` : '',
            ]
              .filter(Boolean)
              .join('  ')}
            columns={POD_COLUMNS}
            rows={vm.pods}
            rowKey={podRowKey}
            selected={state.panes.pods.selected}
            scrollTop={state.panes.pods.scrollTop}
            sort={state.panes.pods.sort}
            focused={state.focus === 'pods'}
            width={width}
            height={layout.pods}
            context={cellContext}
            theme={theme}
            empty={shown.inventoryAt === null ? 'pods not read yet' : 'no pods match'}
          />
        </>
      )}
      {layout.hints === 0 ? null : state.mode === 'filter' ? (
        <Prompt
          label=" / "
          draft={state.draft}
          note={vm.filterError ?? '⏎ keep · Esc clear · /regex/ for a regex'}
          width={width}
          theme={theme}
        />
      ) : (
        <KeyHints width={width} theme={theme} />
      )}
    </Box>
  );
}

interface DetailViewProps {
  readonly detail: NonNullable<ReturnType<typeof initialState>['detail']>;
  readonly shown: NonNullable<ReturnType<typeof useSnapshot>>;
  readonly vm: ReturnType<typeof useViewModel>;
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

function DetailView({ detail, shown, vm, now, width, height, theme }: DetailViewProps) {
  const common = { history: shown.history, asOfTick: shown.seq, now, width, height, theme };
  if (detail.pane === 'nodes') {
    const row = vm.nodes.find((n) => n.uid === detail.uid);
    const node = shown.nodes.find((n) => n.uid === detail.uid);
    if (!row || !node) return <Text>{fitText(' that node is gone (Esc to go back)', width)}</Text>;
    const pods = vm.pods.filter((p) => p.node === row.name).sort((a, b) => (b.memory.usage ?? 0) - (a.memory.usage ?? 0));
    return <NodeDetail row={row} node={node} pods={pods} {...common} />;
  }
  const row = vm.pods.find((p) => p.uid === detail.uid);
  const pod = shown.pods.find((p) => p.uid === detail.uid);
  if (!row || !pod) return <Text>{fitText(' that pod is gone (Esc to go back)', width)}</Text>;
  return <PodDetail row={row} pod={pod} usage={shown.podUsage.get(podKey(pod.namespace, pod.name)) ?? null} {...common} />;
}
