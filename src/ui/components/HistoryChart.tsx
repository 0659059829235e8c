import asciichart from 'asciichart';
import { Box, Text } from 'ink';
import { formatAge } from '../../model/age.js';
import { axisDecimals, chartTop } from '../chart-scale.js';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';

type Symbols = NonNullable<asciichart.PlotConfig['symbols']>;
// asciichart's curves and axis in plain ASCII, for terminals without UTF-8.
const ASCII_SYMBOLS: Symbols = ['+', '|', '-', '-', '-', '\\', '/', '\\', '/', '|'];
const LABEL_WIDTH = 7;

interface Props {
  readonly title: string;
  readonly values: readonly number[];
  /** The samples' times: the title then says how far back the chart goes (a past fetched or saved shows at once). */
  readonly times?: readonly number[];
  readonly width: number;
  /** Lines for the plot itself, title excluded. */
  readonly height: number;
  readonly min?: number;
  /** The axis never goes above this unless the data does (100 for percentages, or the limit). */
  readonly cap?: number;
  /** Written after each axis label: "%", "m", "Mi". */
  readonly unit: string;
  readonly theme: Theme;
}

export function HistoryChart({ title, values, times, width, height, min, cap, unit, theme }: Props) {
  const drawn = values.flatMap((v, i) => (Number.isFinite(v) ? [i] : [])).slice(-Math.max(2, width - LABEL_WIDTH - 2));
  const points = drawn.map((i) => values[i] as number);
  const first = times?.[drawn[0] ?? -1];
  const last = times?.[drawn.at(-1) ?? -1];
  const span = points.length >= 2 && first !== undefined && last !== undefined ? `, last ${formatAge(last - first)}` : '';
  const header = (
    <Text bold wrap="truncate">
      {fitText(` ${title}${span}`, width, 'left', theme.symbols.ellipsis)}
    </Text>
  );
  if (points.length < 2 || height < 2) {
    return (
      <Box flexDirection="column" width={width}>
        {header}
        <Text dimColor wrap="truncate">
          {fitText(
            `  collecting history (${points.length} sample${points.length === 1 ? '' : 's'} so far)`,
            width,
            'left',
            theme.symbols.ellipsis,
          )}
        </Text>
      </Box>
    );
  }
  const top = chartTop(Math.max(...points), cap);
  const bottom = min ?? Math.min(...points);
  const decimals = axisDecimals(bottom, top, height);
  const plot = asciichart.plot(points, {
    height: height - 1,
    min: bottom,
    max: top,
    format: (v) => `${v.toFixed(decimals)}${unit}`.padStart(LABEL_WIDTH),
    ...(theme.ascii ? { symbols: ASCII_SYMBOLS } : {}),
  });
  return (
    <Box flexDirection="column" width={width}>
      {header}
      {plot.split('\n').map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: chart rows are positional
        <Text key={i} wrap="truncate" color={theme.accent}>
          {fitText(line, width, 'left', theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
