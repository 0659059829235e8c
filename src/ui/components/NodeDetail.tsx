import { Box, Text } from 'ink';
import { formatAge } from '../../model/age.js';
import type { Alert } from '../../model/alerts.js';
import type { EvictionPolicy } from '../../model/eviction.js';
import type { Figure } from '../../model/figure.js';
import { formatBytes, formatBytesPair, formatCores, formatCpu } from '../../model/format-units.js';
import { forecastLine } from '../../model/headroom.js';
import { levelGlyph } from '../../model/level-glyph.js';
import { worstLevel } from '../../model/levels.js';
import { conditionAlerting } from '../../model/node-health.js';
import type { NodeRow } from '../../model/node-row.js';
import type { PodRow } from '../../model/pod-row.js';
import type { NodeInfo } from '../../model/records.js';
import type { Histories } from '../../model/snapshot.js';
import { alertsLine } from '../alert-text.js';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';
import { ChartRow, chartRowHeight } from './ChartRow.js';
import { HistoryChart } from './HistoryChart.js';

interface Props {
  readonly row: NodeRow;
  readonly node: NodeInfo;
  /** The node's hard eviction thresholds, and where they came from. */
  readonly eviction: EvictionPolicy;
  /** The node's firing alerts, worst first. */
  readonly alerts: readonly Alert[];
  readonly pods: readonly PodRow[];
  readonly history: Histories;
  readonly asOfTick: number;
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

const MIN_POD_LINES = 3;
const CHARTS = 3;

function pct(figure: Figure, ascii: boolean): string {
  if (figure.percent === null) return '-';
  const glyph = levelGlyph(figure.level, ascii);
  return `${Math.trunc(figure.percent)}%${glyph ? ` ${glyph}` : ''}`;
}

function fsLine(label: string, figure: Figure | null, ascii: boolean): string {
  if (!figure || figure.used === null || figure.total === null) return `${label} -`;
  return `${label} ${pct(figure, ascii)} ${formatBytesPair(figure.used, figure.total)} (${formatBytes(figure.total - figure.used)} free)`;
}

function podLine(p: PodRow): string {
  const cpu = p.cpu.usage === null ? '-' : formatCpu(p.cpu.usage);
  const mem = p.memory.usage === null ? '-' : formatBytes(p.memory.usage);
  return `  ${`${p.namespace}/${p.name}`.padEnd(48)} ${p.status.padEnd(18)} ${cpu.padStart(6)} ${mem.padStart(7)}`;
}

function Line({
  text,
  width,
  color,
  bold,
  ellipsis,
}: {
  readonly text: string;
  readonly width: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly ellipsis: string;
}) {
  return (
    <Text wrap="truncate" color={color} bold={bold}>
      {fitText(text, width, 'left', ellipsis)}
    </Text>
  );
}

/** Plot lines per chart: what is left after the fixed lines and a few pods, within 3–10. */
function chartLines(width: number, height: number, fixed: number): number {
  const spare = height - fixed - (1 + MIN_POD_LINES);
  for (let lines = 10; lines > 3; lines--) if (chartRowHeight(width, CHARTS, lines) <= spare) return lines;
  return 3;
}

export function NodeDetail({ row, node, eviction, alerts, pods, history, asOfTick, now, width, height, theme }: Props) {
  const { ascii } = theme;
  const points = Math.max(2, width);
  const cpu = history.nodeUsage.read(row.uid, 0, points, asOfTick).map((v) => (v / (row.cpu.total || 1)) * 100);
  const mem = history.nodeUsage.read(row.uid, 1, points, asOfTick).map((v) => (v / (row.memory.total || 1)) * 100);
  const disk = history.nodeDisk.read(row.uid, 0, points, asOfTick);
  // Heading, figures, filesystems; a line per resource's forecast; the alerts; the conditions.
  const fixed = 3 + row.forecasts.length + (alerts.length ? 1 : 0) + 1 + node.conditions.length;
  const lines = chartLines(width, height, fixed);
  const podRoom = height - fixed - chartRowHeight(width, CHARTS, lines) - 1;
  const diskAge = row.diskAt === null ? '' : ` ${theme.symbols.separator} read ${formatAge(now - row.diskAt)} ago`;
  const percent = (v: number) => `${v.toFixed(0)}%`;
  const cores = row.cpu.used === null ? '' : `${formatCores(row.cpu.used)}/${formatCores(row.cpu.total ?? 0)} cores`;
  const memory = row.memory.used === null ? '' : formatBytesPair(row.memory.used, row.memory.total ?? 0);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Line
        ellipsis={theme.symbols.ellipsis}
        bold
        color={theme.accent}
        width={width}
        text={` NODE ${row.name}  ${row.status}  ${row.roles.join(',') || '<none>'}  kubelet ${node.kubeletVersion || '?'}  age ${formatAge(now - row.createdAt)}`}
      />
      <Line
        ellipsis={theme.symbols.ellipsis}
        width={width}
        color={theme.levelColor(worstLevel(row.cpu.level, row.memory.level))}
        text={` CPU ${pct(row.cpu, ascii)} ${cores}   MEM ${pct(row.memory, ascii)} ${memory}   PODS ${row.pods.count ?? theme.symbols.ellipsis}/${row.pods.capacity}`}
      />
      <Line
        ellipsis={theme.symbols.ellipsis}
        width={width}
        color={theme.levelColor(worstLevel(row.disk.level, row.imageFs?.level ?? 'ok'))}
        text={
          row.diskUnknown
            ? ` disk unknown: ${row.diskUnknown}`
            : ` ${fsLine('node fs', row.disk, ascii)}   ${row.imageFs ? fsLine('image fs', row.imageFs, ascii) : 'images on the node fs'}${diskAge}`
        }
      />
      {row.forecasts.map((f) => (
        <Line
          ellipsis={theme.symbols.ellipsis}
          key={f.resource}
          width={width}
          color={theme.levelColor(f.level)}
          text={` ${forecastLine(f, eviction, theme.symbols.separator)}`}
        />
      ))}
      {alerts.length ? (
        <Line
          ellipsis={theme.symbols.ellipsis}
          width={width}
          color={theme.levelColor(alerts[0]?.level ?? 'ok')}
          text={alertsLine(alerts, now, theme)}
        />
      ) : null}
      <ChartRow width={width} count={CHARTS}>
        {(w) =>
          (
            [
              ['cpu', 'CPU % of allocatable', cpu],
              ['mem', 'memory % of allocatable', mem],
              ['disk', 'node filesystem %', disk],
            ] as const
          ).map(([key, title, values]) => (
            <HistoryChart
              key={key}
              title={title}
              values={values}
              width={w}
              height={lines}
              min={0}
              cap={100}
              format={percent}
              theme={theme}
            />
          ))
        }
      </ChartRow>
      <Line ellipsis={theme.symbols.ellipsis} bold width={width} text=" conditions" />
      {node.conditions.map((c) => (
        <Line
          ellipsis={theme.symbols.ellipsis}
          key={c.type}
          width={width}
          text={`  ${c.type.padEnd(18)} ${c.status.padEnd(7)} ${c.reason} ${c.message}`}
          color={theme.levelColor(conditionAlerting(c) ? 'crit' : 'ok')}
        />
      ))}
      <Line ellipsis={theme.symbols.ellipsis} bold width={width} text={` pods on this node (${pods.length}, by memory)`} />
      {pods.slice(0, Math.max(0, podRoom)).map((p) => (
        <Line ellipsis={theme.symbols.ellipsis} key={p.uid} width={width} color={theme.levelColor(p.level)} text={podLine(p)} />
      ))}
    </Box>
  );
}
