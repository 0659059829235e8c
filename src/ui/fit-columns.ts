import { fitToContent, layoutColumns, type PlacedColumn } from '../model/column-layout.js';
import type { CellContext, Column } from '../model/columns.js';
import { textWidth } from './fit-text.js';

/** Display width of a column's title (with room for the sort arrow) and of its widest cell among `rows`. */
function widest<R>(column: Column<R>, rows: readonly R[], context: Omit<CellContext, 'width'>): number {
  let width = textWidth(column.title) + 1;
  for (const row of rows) width = Math.max(width, textWidth(column.cell(row, { ...context, width: column.maxWidth }).text));
  return width;
}

/** Columns placed in `width` terminal columns, text columns no wider than what `rows` show in them. */
export function fitColumns<R>(
  columns: readonly Column<R>[],
  rows: readonly R[],
  context: Omit<CellContext, 'width'>,
  width: number,
): PlacedColumn<R>[] {
  return layoutColumns(
    fitToContent(columns, (c) => widest(c, rows, context)),
    width,
  );
}
