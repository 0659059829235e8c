import { Box } from 'ink';
import { type Dispatch, useCallback, useEffect, useMemo } from 'react';
import { FLEET_COLUMNS } from '../../model/fleet-columns.js';
import { orderFleet } from '../../model/fleet-order.js';
import type { FleetRow } from '../../model/fleet-row.js';
import { HistoryStore } from '../../model/history.js';
import type { Histories } from '../../model/snapshot.js';
import { parseTextFilter } from '../../model/text-filter.js';
import type { Thresholds } from '../../model/thresholds.js';
import { measuredWidths } from '../column-widths.js';
import type { FleetAlerts } from '../fleet-alerts.js';
import type { FleetAction, FleetUiState } from '../fleet-reducer.js';
import { helpLines } from '../help-lines.js';
import { type FleetSource, useFleetRows } from '../hooks/use-fleet-rows.js';
import { useKeys } from '../hooks/use-keys.js';
import { useNow } from '../hooks/use-now.js';
import { useSuspend } from '../hooks/use-suspend.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { arrayRows } from '../row-list.js';
import type { CommandContext } from '../state.js';
import type { Theme } from '../theme.js';
import { wrapLines } from '../wrap-lines.js';
import { BottomLine } from './BottomLine.js';
import { ContextPicker } from './ContextPicker.js';
import { FleetHeader } from './FleetHeader.js';
import { HelpOverlay } from './HelpOverlay.js';
import { KeyHints } from './KeyHints.js';
import { Pane } from './Pane.js';

export interface FleetViewProps {
  readonly fleet: FleetSource;
  readonly state: FleetUiState;
  readonly dispatch: Dispatch<FleetAction>;
  readonly thresholds: Thresholds;
  /** Each cluster's alert book, which its row counts as its own screen's header would. */
  readonly alerts: FleetAlerts;
  readonly theme: Theme;
  readonly intervalMs: number;
  readonly backgroundMs: number;
  readonly suspend?: () => Promise<void>;
}

// Fleet cells draw from their rows; the sparklines carry their own samples.
const NO_HISTORY = (): Histories => {
  const none = () => new HistoryStore({ seriesCount: 1, depth: 1 });
  return { nodeUsage: none(), nodeDisk: none(), podUsage: none() };
};
const EMPTY_HISTORY = NO_HISTORY();

const SORTABLE = FLEET_COLUMNS.flatMap((c) => (c.sort ? [{ id: c.id, descending: c.sort.descending }] : []));
const NONE = arrayRows<FleetRow>([], (r) => r.uid);

/** One row per cluster: sortable, filterable, coloured as the other panes; Enter opens a cluster. */
export function FleetView({ fleet, state, dispatch, thresholds, alerts, theme, intervalMs, backgroundMs, suspend }: FleetViewProps) {
  const all = useFleetRows(fleet, thresholds, alerts);
  const { columns: width, rows: height } = useTerminalSize();
  const newest = useMemo(() => {
    const taken = all.map((r) => r.takenAt ?? 0);
    return taken.length ? { takenAt: Math.max(...taken), intervalMs } : null;
  }, [all, intervalMs]);
  const now = useNow(newest);
  const filter = useMemo(() => parseTextFilter(state.panes.nodes.filter), [state.panes.nodes.filter]);
  const rows = useMemo(
    () => arrayRows(orderFleet(all, state.panes.nodes.sort, filter), (r) => r.uid),
    [all, state.panes.nodes.sort, filter],
  );
  const total = Math.max(1, height - 1);
  const hints = total < 8 ? 0 : 1;
  const body = Math.max(0, total - 1 - hints);
  const help = useMemo(() => wrapLines(helpLines(theme), width), [theme, width]);

  const context = useCallback(
    (): CommandContext => ({
      panes: {
        nodes: { ids: rows, page: Math.max(1, body - 2), sortColumns: SORTABLE },
        pods: { ids: NONE, page: 1, sortColumns: [] },
      },
      snapshot: null,
      namespaces: [],
      selectedNodeName: null,
      help: { lines: help.length, page: Math.max(1, body - 2) },
      contexts: fleet.contexts,
      currentContext: null,
    }),
    [rows, body, help, fleet.contexts],
  );
  useKeys(state, dispatch, context);
  useSuspend(state.suspended, dispatch, suspend);

  // The clusters whose rows are on screen poll at the interval; the rest more slowly.
  const visible = useMemo(() => {
    const page = Math.max(0, body - 2);
    const start = Math.max(0, Math.min(state.panes.nodes.scrollTop, rows.length - page));
    const names: string[] = [];
    for (let p = start; p < Math.min(rows.length, start + page); p++) names.push(rows.key(p));
    return names.join('\n');
  }, [rows, body, state.panes.nodes.scrollTop]);
  useEffect(() => fleet.onScreen(visible ? visible.split('\n') : []), [fleet, visible]);

  const cellContext = { now, ascii: theme.ascii, history: EMPTY_HISTORY, asOfTick: 0 };
  // Measured once a change of rows, not once a frame.
  const ascii = theme.ascii;
  const contentWidth = useMemo(
    () => measuredWidths(FLEET_COLUMNS, all, { now: Date.now(), ascii, history: EMPTY_HISTORY, asOfTick: 0 }),
    [all, ascii],
  );
  return (
    <Box flexDirection="column" width={width} height={total}>
      <FleetHeader rows={all} now={now} intervalMs={intervalMs} backgroundMs={backgroundMs} width={width} theme={theme} />
      {state.mode === 'help' ? (
        <HelpOverlay lines={help} top={state.helpTop} width={width} height={body} theme={theme} />
      ) : state.mode === 'context' ? (
        <ContextPicker contexts={fleet.contexts} picked={state.pickedContext} current={null} width={width} height={body} theme={theme} />
      ) : (
        <Pane
          title="CLUSTERS"
          scope={state.panes.nodes.filter ? `filter ${state.panes.nodes.filter}` : ''}
          columns={FLEET_COLUMNS}
          rows={rows}
          selected={state.panes.nodes.selected}
          scrollTop={state.panes.nodes.scrollTop}
          sort={state.panes.nodes.sort}
          focused
          width={width}
          height={body}
          context={cellContext}
          theme={theme}
          empty={all.length ? 'no cluster matches' : 'no clusters'}
          contentWidth={contentWidth}
        />
      )}
      {hints === 0 ? null : (
        <BottomLine
          draft={state.mode === 'filter' ? state.draft : null}
          notice={state.notice}
          width={width}
          theme={theme}
          hints={<KeyHints width={width} theme={theme} detail={false} fleet="view" />}
        />
      )}
    </Box>
  );
}
