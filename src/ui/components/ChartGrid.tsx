import { Box } from 'ink';
import type { ReactNode } from 'react';
import { chartColumns } from '../detail-layout.js';

/** Charts in rows of as many as keep a readable width each: three side by side at 120 columns, two at 80. */
export function ChartGrid({
  width,
  count,
  children,
}: {
  readonly width: number;
  readonly count: number;
  readonly children: (width: number) => ReactNode[];
}) {
  const columns = chartColumns(width, count);
  const charts = children(Math.floor((width - (columns - 1)) / columns));
  const rows = Array.from({ length: Math.ceil(charts.length / columns) }, (_, r) => charts.slice(r * columns, (r + 1) * columns));
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {rows.map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of the grid are positional
        <Box key={r} flexDirection="row" columnGap={1}>
          {row}
        </Box>
      ))}
    </Box>
  );
}
