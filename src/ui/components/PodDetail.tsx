import { Box, Text } from 'ink';
import { formatAge } from '../../model/age.js';
import { CONTAINER_COLUMNS, type ContainerLine } from '../../model/container-columns.js';
import { formatBytes, formatCpu } from '../../model/format-units.js';
import { levelGlyph } from '../../model/level-glyph.js';
import type { PodFigure, PodRow } from '../../model/pod-row.js';
import type { PodInfo, PodUsage } from '../../model/records.js';
import type { Histories } from '../../model/snapshot.js';
import { fitColumns } from '../fit-columns.js';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';
import { ChartRow, chartRowHeight } from './ChartRow.js';
import { HistoryChart } from './HistoryChart.js';
import { Table } from './Table.js';

interface Props {
  readonly row: PodRow;
  readonly pod: PodInfo;
  readonly usage: PodUsage | null;
  readonly history: Histories;
  readonly asOfTick: number;
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

const MiB = 1024 * 1024;

function figureText(label: string, f: PodFigure, format: (n: number) => string, ascii: boolean): string {
  if (f.usage === null) return `${label} -`;
  const parts = [
    f.request === null ? 'no request' : `${Math.trunc(f.percentOfRequest ?? 0)}% of request ${format(f.request)}`,
    f.limit === null
      ? 'no limit'
      : `${Math.trunc(f.percentOfLimit ?? 0)}% of limit ${format(f.limit)}${f.level === 'ok' ? '' : ` ${levelGlyph(f.level, ascii)}`}`,
  ];
  return `${label} ${format(f.usage)} (${parts.join(', ')})`;
}

// The container table is not sorted: containers keep the order of the pod's spec.
const UNSORTED = { column: '', descending: false };

export function PodDetail({ row, pod, usage, history, asOfTick, now, width, height, theme }: Props) {
  const { ascii } = theme;
  const cpu = history.podUsage.read(row.uid, 0, width, asOfTick);
  const mem = history.podUsage.read(row.uid, 1, width, asOfTick).map((b) => b / MiB);
  const containers: ContainerLine[] = pod.containers.map((container) => ({
    container,
    usage: usage?.containers.find((u) => u.name === container.name) ?? null,
  }));
  const context = { now, ascii, history, asOfTick };
  // Fixed lines: three heading lines, the reasons, the containers title, its table's header and rows.
  const spare = height - 3 - row.reasons.length - 1 - (containers.length + 1);
  let chartHeight = 10;
  while (chartHeight > 3 && chartRowHeight(width, 2, chartHeight) > spare) chartHeight--;
  const line = (text: string, color?: string, bold?: boolean) => (
    <Text wrap="truncate" color={color} bold={bold}>
      {fitText(text, width, 'left', theme.symbols.ellipsis)}
    </Text>
  );
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {line(
        ` POD ${row.namespace}/${row.name}  ${row.status}  node ${row.node}  ready ${row.ready}  restarts ${row.restarts}  age ${formatAge(now - row.createdAt)}`,
        theme.accent,
        true,
      )}
      {line(` ${figureText('CPU', row.cpu, formatCpu, ascii)}`, theme.levelColor(row.cpu.level))}
      {line(` ${figureText('MEM', row.memory, formatBytes, ascii)}`, theme.levelColor(row.memory.level))}
      {row.reasons.map((r) => (
        <Text key={r} wrap="truncate" color={theme.levelColor(row.level)}>
          {fitText(`  ${levelGlyph(row.level, ascii) || theme.symbols.bullet} ${r}`, width, 'left', theme.symbols.ellipsis)}
        </Text>
      ))}
      <ChartRow width={width} count={2}>
        {(w) => [
          <HistoryChart
            key="cpu"
            title={`CPU millicores${row.cpu.limit === null ? '' : ` (limit ${formatCpu(row.cpu.limit)})`}`}
            values={cpu}
            width={w}
            height={chartHeight}
            min={0}
            cap={row.cpu.limit ?? undefined}
            format={(v) => `${v.toFixed(0)}m`}
            theme={theme}
          />,
          <HistoryChart
            key="mem"
            title={`memory MiB${row.memory.limit === null ? '' : ` (limit ${formatBytes(row.memory.limit)})`}`}
            values={mem}
            width={w}
            height={chartHeight}
            min={0}
            cap={row.memory.limit === null ? undefined : row.memory.limit / MiB}
            format={(v) => `${v.toFixed(0)}Mi`}
            theme={theme}
          />,
        ]}
      </ChartRow>
      {line(` containers (${pod.containers.length})`, undefined, true)}
      <Table
        placed={fitColumns(CONTAINER_COLUMNS, containers, context, width)}
        rows={containers}
        keys={containers.map((c) => c.container.name)}
        selected={null}
        focused={false}
        sort={UNSORTED}
        context={context}
        theme={theme}
      />
    </Box>
  );
}
