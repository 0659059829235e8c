import { Box } from 'ink';
import type { ReactNode } from 'react';

// Two charts side by side when the terminal is wide enough to keep them readable, stacked otherwise.
const SIDE_BY_SIDE_MIN = 100;

export function ChartPair({ width, children }: { readonly width: number; readonly children: (width: number) => ReactNode[] }) {
  const wide = width >= SIDE_BY_SIDE_MIN;
  return (
    <Box flexDirection={wide ? 'row' : 'column'} width={width}>
      {children(wide ? Math.floor((width - 1) / 2) : width)}
    </Box>
  );
}
