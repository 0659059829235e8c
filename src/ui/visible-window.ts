/**
 * First row to draw: the remembered scroll position, moved just enough to keep the selected row
 * on screen, and never leaving empty lines below the last row.
 */
export function visibleStart(total: number, selectedIndex: number, scrollTop: number, page: number): number {
  if (page <= 0 || total <= page) return 0;
  const lowest = Math.max(0, selectedIndex - page + 1);
  const start = Math.min(Math.max(scrollTop, lowest), selectedIndex);
  return Math.max(0, Math.min(start, total - page));
}
