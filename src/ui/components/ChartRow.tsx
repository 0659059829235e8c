import { Box } from 'ink';
import type { ReactNode } from 'react';

// Charts side by side while each keeps this many columns, stacked otherwise.
const MIN_CHART_WIDTH = 30;

export function chartsSideBySide(width: number, count: number): boolean {
  return Math.floor((width - (count - 1)) / count) >= MIN_CHART_WIDTH;
}

/** Lines `count` charts of `height` plot lines take, titles included. */
export function chartRowHeight(width: number, count: number, height: number): number {
  return (chartsSideBySide(width, count) ? 1 : count) * (height + 1);
}

export function ChartRow({
  width,
  count,
  children,
}: {
  readonly width: number;
  readonly count: number;
  readonly children: (width: number) => ReactNode[];
}) {
  const wide = chartsSideBySide(width, count);
  return (
    <Box flexDirection={wide ? 'row' : 'column'} width={width} columnGap={wide ? 1 : 0}>
      {children(wide ? Math.floor((width - (count - 1)) / count) : width)}
    </Box>
  );
}
