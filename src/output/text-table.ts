// Aligned plain-text columns in the layout of kubectl's tabwriter (minimum width 10, padding 3),
// so `kmon top` reads like `kubectl top` and lines up in the same terminal.

const MIN_WIDTH = 10;
const PADDING = 3;

export function textTable(header: readonly string[] | null, rows: readonly (readonly string[])[]): string {
  const all = header ? [header, ...rows] : rows;
  // Loops, not Math.max(...rows): a table of 150,000 pods is more arguments than a call can take.
  const widths: number[] = [];
  for (const row of all) {
    row.forEach((cell, c) => {
      widths[c] = Math.max(widths[c] ?? MIN_WIDTH, cell.length + PADDING);
    });
  }
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
