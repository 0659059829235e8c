// Aligned plain-text columns in the layout of kubectl's tabwriter (minimum width 10, padding 3),
// so `kmon top` reads like `kubectl top` and lines up in the same terminal.

const MIN_WIDTH = 10;
const PADDING = 3;

export function textTable(header: readonly string[] | null, rows: readonly (readonly string[])[]): string {
  // Loops, not Math.max(...rows) or [header, ...rows]: a table of 150,000 pods is more arguments
  // than a call can take, and every copy of it costs.
  const widths: number[] = [];
  const measure = (row: readonly string[]) => {
    row.forEach((cell, c) => {
      widths[c] = Math.max(widths[c] ?? MIN_WIDTH, cell.length + PADDING);
    });
  };
  if (header) measure(header);
  for (const row of rows) measure(row);
  const format = (row: readonly string[]) => {
    let line = '';
    const last = row.length - 1;
    for (let c = 0; c < last; c++) line += row[c]?.padEnd(widths[c] ?? 0);
    return `${line}${row[last] ?? ''}`.trimEnd();
  };
  const lines = header ? [format(header)] : [];
  for (const row of rows) lines.push(format(row));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
