import type { Cell, CellContext, Column } from '../model/columns.js';
import type { PodRow } from '../model/pod-row.js';
import type { PodTable } from '../model/pod-table.js';
import { textWidth } from './fit-text.js';

// Columns fitted to their content are measured over the whole list, not the rows on screen, so
// their widths hold still while the list scrolls, re-sorts or is filtered.

/** The width a fitted column's content needs: its widest cell (measured up to its maxWidth), or its title with room for the sort arrow. */
export type ContentWidth<R> = (column: Column<R>) => number;

const titled = (column: Column<unknown>, widest: number) => Math.max(textWidth(column.title) + 1, widest);

/** Width of what a cell draws, glyph included, without joining the two into a new string. */
const cellWidth = (cell: Cell) => textWidth(cell.text) + (cell.mark ? textWidth(cell.mark) : 0);

/**
 * Every row's cell of each fitted column, measured: for lists of hundreds or a few thousand (nodes).
 * A column stops measuring once a cell fills its maxWidth, as layout never gives it more; its
 * cell context is made once a column, not once a row: a snapshot of 5,000 nodes made 40,000 of them.
 */
export function measuredWidths<R>(columns: readonly Column<R>[], rows: readonly R[], context: Omit<CellContext, 'width'>): ContentWidth<R> {
  const widths = new Map<string, number>();
  for (const column of columns) {
    if (!column.fitContent) continue;
    const ctx: CellContext = { ...context, width: column.maxWidth };
    let widest = 0;
    for (let i = 0; i < rows.length && widest < column.maxWidth; i++) {
      widest = Math.max(widest, cellWidth(column.cell(rows[i] as R, ctx)));
    }
    widths.set(column.id, titled(column as Column<unknown>, widest));
  }
  return (column) => widths.get(column.id) ?? column.maxWidth;
}

/**
 * The pod pane's fitted columns, read from the PodTable's own columns: building a row per pod of
 * 150,000 to measure them would cost more than the frame. Kubernetes names are ASCII, so a name's
 * length is its width.
 */
export function podTableWidths(table: PodTable | null, ascii: boolean): ContentWidth<PodRow> {
  const glyph = ascii ? 3 : 2;
  const widest = { namespace: 0, name: 0, node: 0, status: 0, restarts: 0 };
  for (let i = 0; i < (table?.size ?? 0); i++) {
    const pod = (table as PodTable).pod(i);
    const status = (table as PodTable).statusOf(i);
    widest.namespace = Math.max(widest.namespace, pod.namespace.length);
    widest.name = Math.max(widest.name, pod.name.length);
    widest.node = Math.max(widest.node, (pod.nodeName ?? '<none>').length);
    widest.status = Math.max(widest.status, textWidth(status.text) + (status.level === 'ok' ? 0 : glyph));
    widest.restarts = Math.max(widest.restarts, String((table as PodTable).restartsOf(i)).length);
  }
  const widths: Readonly<Record<string, number>> = widest;
  return (column) => {
    const content = widths[column.id];
    return content === undefined ? column.maxWidth : titled(column as Column<unknown>, content);
  };
}
