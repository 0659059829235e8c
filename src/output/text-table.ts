// Aligned plain-text columns in the layout of kubectl's tabwriter (minimum width 10, padding 3),
// so `kmon top` reads like `kubectl top` and lines up in the same terminal.

const MIN_WIDTH = 10;
const PADDING = 3;
// Colour codes take no room on screen (the ALERTS column carries them).
const SGR = /\x1b\[[0-9;]*m/g;

/** A width to fit, and each column's importance: the least important columns are left out first. */
export interface TableFit {
  readonly maxWidth: number;
  readonly priority: readonly number[];
}

// The last column (ALERTS, of varying length) keeps at least this much when others give way; longer
// text in it is cut.
const MIN_LAST = 12;

/** The columns to keep so lines fit: all of them, or the most important that fit. */
function keptColumns(header: readonly string[] | null, rows: readonly (readonly string[])[], fit: TableFit): number[] {
  const widths: number[] = [];
  const measure = (row: readonly string[]) => {
    row.forEach((cell, c) => {
      widths[c] = Math.max(widths[c] ?? 0, cell.replace(SGR, '').length);
    });
  };
  if (header) measure(header);
  for (const row of rows) measure(row);
  const kept = widths.map((_, c) => c);
  // Every column but the last takes its padded width; the last, whose text may be cut, a little.
  const lineWidth = () =>
    kept.reduce((n, c, i) => {
      const width = widths[c] ?? 0;
      return n + (i === kept.length - 1 ? Math.min(width, MIN_LAST) : Math.max(MIN_WIDTH, width + PADDING));
    }, 0);
  while (kept.length > 1 && lineWidth() > fit.maxWidth) {
    const least = kept.reduce((a, b) => ((fit.priority[b] ?? 0) < (fit.priority[a] ?? 0) ? b : a));
    kept.splice(kept.indexOf(least), 1);
  }
  return kept;
}

/** A line cut to `width` columns, its colour dropped where it is cut. */
function cutLine(line: string, width: number): string {
  const plain = line.replace(SGR, '');
  return plain.length <= width ? line : `${plain.slice(0, Math.max(0, width - 1))}…`;
}

export function textTable(header: readonly string[] | null, rows: readonly (readonly string[])[], fit?: TableFit): string {
  if (fit) {
    const kept = keptColumns(header, rows, fit);
    const pick = (row: readonly string[]) => kept.map((c) => row[c] ?? '');
    const text = textTable(header && pick(header), rows.map(pick));
    return text.replace(/[^\n]+/g, (line) => cutLine(line, fit.maxWidth));
  }
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
