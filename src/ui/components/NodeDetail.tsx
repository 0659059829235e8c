import { Box, Text } from 'ink';
import { formatAge } from '../../model/age.js';
import type { Alert } from '../../model/alerts.js';
import type { EvictionPolicy } from '../../model/eviction.js';
import type { Figure } from '../../model/figure.js';
import { formatBytes, formatBytesPair, formatCores, formatCpu } from '../../model/format-units.js';
import { forecastLine } from '../../model/headroom.js';
import type { KubeletHistories } from '../../model/kubelet-history.js';
import { levelGlyph } from '../../model/level-glyph.js';
import { worstLevel } from '../../model/levels.js';
import { conditionAlerting } from '../../model/node-health.js';
import type { NodeRow } from '../../model/node-row.js';
import type { PodRow } from '../../model/pod-row.js';
import type { NodeInfo } from '../../model/records.js';
import type { Histories } from '../../model/snapshot.js';
import { alertsLine } from '../alert-text.js';
import { nodeDetailLayout } from '../detail-layout.js';
import { fitCell, fitText } from '../fit-text.js';
import { nodeSignalLines } from '../kubelet-detail-lines.js';
import type { Theme } from '../theme.js';
import { ChartGrid } from './ChartGrid.js';
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
  readonly kubeletHistory?: KubeletHistories;
  readonly asOfTick: number;
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

function pct(figure: Figure, ascii: boolean): string {
  if (figure.percent === null) return '-';
  const glyph = levelGlyph(figure.level, ascii);
  return `${Math.trunc(figure.percent)}%${glyph ? ` ${glyph}` : ''}`;
}

function fsLine(label: string, figure: Figure | null, ascii: boolean): string {
  if (!figure || figure.used === null || figure.total === null) return `${label} -`;
  return `${label} ${pct(figure, ascii)} ${formatBytesPair(figure.used, figure.total)} (${formatBytes(figure.total - figure.used)} free)`;
}

/** "  ns/name  status  cpu  memory": the name gives way first, cut in the middle, so the figures show. */
function podLine(p: PodRow, width: number, theme: Theme): string {
  const cpu = p.cpu.usage === null ? '-' : formatCpu(p.cpu.usage);
  const mem = p.memory.usage === null ? '-' : formatBytes(p.memory.usage);
  const name = fitCell(`${p.namespace}/${p.name}`, '', Math.max(16, Math.min(48, width - 38)), 'left', theme.symbols.ellipsis, 'middle');
  const status = `${p.status}${p.level === 'ok' ? '' : ` ${levelGlyph(p.level, theme.ascii)}`}`;
  return `  ${name} ${status.padEnd(18)} ${cpu.padStart(6)} ${mem.padStart(7)}`;
}

function Line({
  text,
  width,
  color,
  bold,
  dim,
  ellipsis,
}: {
  readonly text: string;
  readonly width: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly ellipsis: string;
}) {
  return (
    <Text wrap="truncate" color={color} bold={bold} dimColor={dim}>
      {fitText(text, width, 'left', ellipsis)}
    </Text>
  );
}

export function NodeDetail({ row, node, eviction, alerts, pods, history, kubeletHistory, asOfTick, now, width, height, theme }: Props) {
  const { ascii } = theme;
  const points = Math.max(2, width);
  const cpu = history.nodeUsage.read(row.uid, 0, points, asOfTick).map((v) => (v / (row.cpu.total || 1)) * 100);
  const mem = history.nodeUsage.read(row.uid, 1, points, asOfTick).map((v) => (v / (row.memory.total || 1)) * 100);
  const disk = history.nodeDisk.read(row.uid, 0, points, asOfTick);
  const usageTimes = history.nodeUsage.readTimes(row.uid, points, asOfTick);
  const diskTimes = history.nodeDisk.readTimes(row.uid, points, asOfTick);
  const alerting = node.conditions.filter(conditionAlerting);
  // The node's own lines below the heading: its alerts, then a line per resource's forecast.
  const own = [
    ...(alerts.length ? [{ key: 'alerts', level: alerts[0]?.level ?? 'ok', text: alertsLine(alerts, now, theme) }] : []),
    ...row.forecasts.map((f) => ({ key: f.resource, level: f.level, text: ` ${forecastLine(f, eviction, theme.symbols.separator)}` })),
    ...nodeSignalLines(row, pods, { history: kubeletHistory, asOfTick, now, theme }),
  ];
  const layout = nodeDetailLayout(height, width, {
    conditions: node.conditions.length,
    alerting: alerting.length,
    pods: pods.length,
    extra: own.length,
  });
  const conditions = layout.conditions === 'all' ? node.conditions : alerting;
  const folded = node.conditions.length - conditions.length;
  const diskAge = row.diskAt === null ? '' : ` ${theme.symbols.separator} read ${formatAge(now - row.diskAt)} ago`;
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
      {own.slice(0, layout.extra.shown).map((l) => (
        <Line ellipsis={theme.symbols.ellipsis} key={l.key} width={width} color={theme.levelColor(l.level)} text={l.text} />
      ))}
      {layout.extra.more && layout.extra.shown ? (
        <Line
          ellipsis={theme.symbols.ellipsis}
          dim
          width={width}
          text={`  +${layout.extra.more} more (alerts, forecasts, kubelet figures)`}
        />
      ) : null}
      {layout.plot ? (
        <ChartGrid width={width} count={3}>
          {(w) =>
            (
              [
                ['cpu', 'CPU % of allocatable', cpu, usageTimes],
                ['mem', 'memory % of allocatable', mem, usageTimes],
                ['disk', 'node filesystem %', disk, diskTimes],
              ] as const
            ).map(([key, title, values, times]) => (
              <HistoryChart
                key={key}
                title={title}
                values={values}
                times={times}
                width={w}
                height={layout.plot}
                min={0}
                cap={100}
                unit="%"
                theme={theme}
              />
            ))
          }
        </ChartGrid>
      ) : layout.chartsNote ? (
        <Line
          ellipsis={theme.symbols.ellipsis}
          dim
          width={width}
          text={` charts left out${layout.extra.shown ? '' : `, and ${layout.extra.more} alert/forecast/kubelet lines`}: too few lines`}
        />
      ) : null}
      <Line
        ellipsis={theme.symbols.ellipsis}
        bold
        width={width}
        text={folded ? ` conditions: ${conditions.length ? `${folded} others` : `all ${folded}`} as expected` : ' conditions'}
      />
      {conditions.map((c) => (
        <Line
          ellipsis={theme.symbols.ellipsis}
          key={c.type}
          width={width}
          text={`  ${c.type.padEnd(18)} ${c.status.padEnd(7)} ${c.reason} ${c.message}`}
          color={theme.levelColor(conditionAlerting(c) ? 'crit' : 'ok')}
        />
      ))}
      <Line ellipsis={theme.symbols.ellipsis} bold width={width} text={` pods on this node (${pods.length}, by memory)`} />
      {pods.slice(0, layout.pods.shown).map((p) => (
        <Line
          ellipsis={theme.symbols.ellipsis}
          key={p.uid}
          width={width}
          color={theme.levelColor(p.level)}
          text={podLine(p, width, theme)}
        />
      ))}
      {layout.pods.more ? <Line ellipsis={theme.symbols.ellipsis} dim width={width} text={`  +${layout.pods.more} more`} /> : null}
    </Box>
  );
}
