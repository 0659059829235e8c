import { Box, Text } from 'ink';
import { formatAge } from '../../model/age.js';
import type { Alert } from '../../model/alerts.js';
import { formatBytes, formatCpu } from '../../model/format-units.js';
import { levelGlyph } from '../../model/level-glyph.js';
import type { PodFigure, PodRow } from '../../model/pod-row.js';
import type { ContainerInfo, PodInfo, PodUsage } from '../../model/records.js';
import type { Histories } from '../../model/snapshot.js';
import { alertsLine } from '../alert-text.js';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';
import { ChartRow, chartRowHeight } from './ChartRow.js';
import { DetailTable } from './DetailTable.js';
import { HistoryChart } from './HistoryChart.js';

interface Props {
  readonly row: PodRow;
  /** The pod's firing alerts, worst first. */
  readonly alerts: readonly Alert[];
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

function containerRow(c: ContainerInfo, usage: PodUsage | null, now: number): Record<string, string> {
  const u = usage?.containers.find((x) => x.name === c.name);
  const last = c.lastTermination;
  const amount = (v: number | null, f: (n: number) => string) => (v === null ? '-' : f(v));
  return {
    NAME: c.name,
    STATE: c.stateReason ? `${c.state}:${c.stateReason}` : c.state,
    READY: c.ready ? 'yes' : 'no',
    RESTARTS: String(c.restarts),
    'LAST EXIT': last
      ? `${last.reason || `exit ${last.exitCode}`}${last.finishedAt === null ? '' : ` ${formatAge(now - last.finishedAt)} ago`}`
      : '-',
    CPU: amount(u?.cpuMilli ?? null, formatCpu),
    'CPU REQ/LIM': `${amount(c.requests.cpuMilli, formatCpu)}/${amount(c.limits.cpuMilli, formatCpu)}`,
    MEM: amount(u?.memoryBytes ?? null, formatBytes),
    'MEM REQ/LIM': `${amount(c.requests.memoryBytes, formatBytes)}/${amount(c.limits.memoryBytes, formatBytes)}`,
  };
}

const CONTAINER_COLUMNS = ['NAME', 'STATE', 'READY', 'RESTARTS', 'LAST EXIT', 'CPU', 'CPU REQ/LIM', 'MEM', 'MEM REQ/LIM'];

export function PodDetail({ row, pod, usage, alerts, history, asOfTick, now, width, height, theme }: Props) {
  const { ascii } = theme;
  const cpu = history.podUsage.read(row.uid, 0, width, asOfTick);
  const mem = history.podUsage.read(row.uid, 1, width, asOfTick).map((b) => b / MiB);
  // Fixed lines: three heading lines, the reasons, the containers title and its table (2 lines a row + 4).
  const alertLines = alerts.length ? 1 : 0;
  const spare = height - 3 - row.reasons.length - alertLines - 1 - (pod.containers.length * 2 + 4);
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
      {alerts.length ? line(alertsLine(alerts, now, theme), theme.levelColor(alerts[0]?.level ?? 'ok')) : null}
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
      <DetailTable rows={pod.containers.map((c) => containerRow(c, usage, now))} columns={CONTAINER_COLUMNS} width={width} ascii={ascii} />
    </Box>
  );
}
