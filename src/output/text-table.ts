// Aligned plain-text columns in the layout of kubectl's tabwriter (minimum width 10, padding 3),
// so `kmon top` reads like `kubectl top` and lines up in the same terminal.

const MIN_WIDTH = 10;
const PADDING = 3;

export function textTable(header: readonly string[] | null, rows: readonly (readonly string[])[]): string {
  const all = header ? [header, ...rows] : rows;
  const columns = Math.max(0, ...all.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(MIN_WIDTH, ...all.map((r) => (r[c]?.length ?? 0) + PADDING)));
  return all
    .map((row) =>
      row
        .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
        .join('')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
