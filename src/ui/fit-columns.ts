import { fitToContent, layoutColumns, type PlacedColumn } from '../model/column-layout.js';
import type { CellContext, Column } from '../model/columns.js';
import { measuredWidths } from './column-widths.js';

/** Columns placed in `width` terminal columns, fitted columns no wider than what `rows` show in them. */
export function fitColumns<R>(
  columns: readonly Column<R>[],
  rows: readonly R[],
  context: Omit<CellContext, 'width'>,
  width: number,
): PlacedColumn<R>[] {
  return layoutColumns(fitToContent(columns, measuredWidths(columns, rows, context)), width);
}
