import type { Column } from './columns.js';

export interface PlacedColumn<R> {
  readonly column: Column<R>;
  readonly width: number;
}

export const COLUMN_GAP = 1;

/**
 * Content-fitted columns shrink to their widest visible text: the maximum drops to it, and so does
 * the minimum when the text is shorter, so short names leave their room to other columns.
 */
export function fitToContent<R>(columns: readonly Column<R>[], widest: (column: Column<R>) => number): Column<R>[] {
  return columns.map((c) => {
    if (!c.fitContent) return c;
    const maxWidth = Math.max(1, Math.min(c.maxWidth, widest(c)));
    return { ...c, maxWidth, minWidth: Math.min(c.minWidth, maxWidth) };
  });
}

/**
 * Drops the columns that yield (least important first) while the text columns kept cannot be
 * whole in the room left; returns the width freed.
 */
function yieldToText<R>(kept: Set<Column<R>>, spare: number): number {
  const short = () => [...kept].reduce((n, c) => n + (c.fitContent && !c.cutMiddle ? c.maxWidth - c.minWidth : 0), 0);
  const yielding = [...kept].filter((c) => c.yields).sort((a, b) => a.priority - b.priority);
  let freed = 0;
  for (const column of yielding) {
    if (spare + freed >= short()) break;
    kept.delete(column);
    freed += column.minWidth + COLUMN_GAP;
  }
  return freed;
}

/**
 * Fits columns into `width`: drops the lowest-priority columns until the minimum widths fit, then
 * shares out the room left: first making whole the text columns that lose their meaning when cut
 * (a status), those that need least first; then growing the most important of them still short;
 * then names, which stay telling when cut in the middle; then figures (whose minimum already fits
 * them); and last the columns that fill (sparklines). The result never exceeds `width`, so no line wraps at any terminal size.
 */
export function layoutColumns<R>(columns: readonly Column<R>[], width: number): PlacedColumn<R>[] {
  const byPriority = [...columns].sort((a, b) => b.priority - a.priority);
  const kept = new Set<Column<R>>();
  let used = 0;
  for (const column of byPriority) {
    const cost = column.minWidth + (kept.size ? COLUMN_GAP : 0);
    if (used + cost > width) continue;
    kept.add(column);
    used += cost;
  }
  used -= yieldToText(kept, width - used);
  const widths = new Map([...kept].map((c) => [c, c.minWidth]));
  let spare = width - used;
  const need = (c: Column<R>) => c.maxWidth - (widths.get(c) ?? c.minWidth);
  const grow = (c: Column<R>, by: number) => {
    widths.set(c, (widths.get(c) ?? c.minWidth) + by);
    spare -= by;
  };
  const shown = byPriority.filter((c) => kept.has(c));
  const text = shown.filter((c) => c.fitContent && !c.cutMiddle);
  for (const column of [...text].sort((a, b) => need(a) - need(b))) if (need(column) <= spare) grow(column, need(column));
  const names = shown.filter((c) => c.cutMiddle);
  const figures = shown.filter((c) => !c.fitContent && !c.fills);
  for (const column of [...text, ...names, ...figures, ...shown.filter((c) => c.fills)]) grow(column, Math.min(spare, need(column)));
  return columns.filter((c) => kept.has(c)).map((column) => ({ column, width: widths.get(column) ?? column.minWidth }));
}
