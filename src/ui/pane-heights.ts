export interface PaneHeights {
  /** Lines drawn in all: one short of the terminal, since Ink clears the whole screen on every
   *  frame that fills it (flicker). */
  readonly total: number;
  readonly header: number;
  /** Lines between header and hint line. */
  readonly body: number;
  readonly nodes: number;
  readonly pods: number;
  readonly hints: number;
  /** Small panes (a 40×10 tmux split) show only the worst nodes and the alert count. */
  readonly compact: boolean;
}

const COMPACT_BELOW_ROWS = 16;
const COMPACT_BELOW_COLUMNS = 60;

export function paneHeights(rows: number, columns: number, nodeCount: number): PaneHeights {
  const total = Math.max(1, rows - 1);
  const compact = rows < COMPACT_BELOW_ROWS || columns < COMPACT_BELOW_COLUMNS;
  const header = compact ? 1 : 2;
  // A small pane spends its lines on nodes; the hint line returns from 12 lines up.
  const hints = compact && total < 12 ? 0 : 1;
  const body = Math.max(0, total - header - hints);
  if (compact) return { total, header, body, nodes: body, pods: 0, hints, compact };
  // The node pane is as tall as its nodes need, up to half the screen; pods get the rest.
  const nodes = Math.max(4, Math.min(nodeCount + 2, Math.floor(body / 2)));
  return { total, header, body, nodes, pods: body - nodes, hints, compact };
}
