import { Box, Text } from 'ink';
import { formatAge } from '../../model/age.js';
import type { Alert } from '../../model/alerts.js';
import { CONTAINER_COLUMNS, type ContainerLine } from '../../model/container-columns.js';
import { formatBytes, formatCpuAmount } from '../../model/format-units.js';
import type { KubeletHistories } from '../../model/kubelet-history.js';
import { levelGlyph } from '../../model/level-glyph.js';
import type { PodFigure, PodRow } from '../../model/pod-row.js';
import type { PodInfo, PodUsage } from '../../model/records.js';
import type { Histories } from '../../model/snapshot.js';
import { alertsLine } from '../alert-text.js';
import { podDetailLayout } from '../detail-layout.js';
import { fitColumns } from '../fit-columns.js';
import { fitText } from '../fit-text.js';
import { podSignalLines } from '../kubelet-detail-lines.js';
import type { Theme } from '../theme.js';
import { ChartGrid } from './ChartGrid.js';
import { HistoryChart } from './HistoryChart.js';
import { Table } from './Table.js';

interface Props {
  readonly row: PodRow;
  /** The pod's firing alerts, worst first. */
  readonly alerts: readonly Alert[];
  readonly pod: PodInfo;
  readonly usage: PodUsage | null;
  readonly history: Histories;
  readonly kubeletHistory?: KubeletHistories;
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

export function PodDetail({ row, pod, usage, alerts, history, kubeletHistory, asOfTick, now, width, height, theme }: Props) {
  const { ascii } = theme;
  const cpu = history.podUsage.read(row.uid, 0, width, asOfTick);
  const mem = history.podUsage.read(row.uid, 1, width, asOfTick).map((b) => b / MiB);
  const signals = podSignalLines(row, { history: kubeletHistory, asOfTick, now, theme });
  const times = history.podUsage.readTimes(row.uid, width, asOfTick);
  const layout = podDetailLayout(height, width, {
    reasons: row.reasons.length,
    containers: pod.containers.length,
    extra: alerts.length ? 1 : 0,
    signals: signals.length,
  });
  const lines: ContainerLine[] = pod.containers.slice(0, layout.containers.shown).map((container) => ({
    container,
    usage: usage?.containers.find((u) => u.name === container.name) ?? null,
  }));
  const context = { now, ascii, history, asOfTick };
  const line = (text: string, color?: string, bold?: boolean, dim?: boolean) => (
    <Text wrap="truncate" color={color} bold={bold} dimColor={dim}>
      {fitText(text, width, 'left', theme.symbols.ellipsis)}
    </Text>
  );
  const more = (count: number, what: string) => (count ? line(`  +${count} more ${what}`, undefined, false, true) : null);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {line(
        ` POD ${row.namespace}/${row.name}  ${row.status}  node ${row.node}  ready ${row.ready}  restarts ${row.restarts}  age ${formatAge(now - row.createdAt)}`,
        theme.accent,
        true,
      )}
      {line(` ${figureText('CPU', row.cpu, formatCpuAmount, ascii)}`, theme.levelColor(row.cpu.level))}
      {line(` ${figureText('MEM', row.memory, formatBytes, ascii)}`, theme.levelColor(row.memory.level))}
      {row.reasons.slice(0, layout.reasons.shown).map((r) => (
        <Text key={r} wrap="truncate" color={theme.levelColor(row.level)}>
          {fitText(`  ${levelGlyph(row.level, ascii) || theme.symbols.bullet} ${r}`, width, 'left', theme.symbols.ellipsis)}
        </Text>
      ))}
      {more(layout.reasons.more, 'reasons')}
      {alerts.length ? line(alertsLine(alerts, now, theme), theme.levelColor(alerts[0]?.level ?? 'ok')) : null}
      {signals.slice(0, layout.signals).map((l) => (
        <Text key={l.key} wrap="truncate" color={theme.levelColor(l.level)}>
          {fitText(l.text, width, 'left', theme.symbols.ellipsis)}
        </Text>
      ))}
      {layout.plot ? (
        <ChartGrid width={width} count={2}>
          {(w) => [
            <HistoryChart
              key="cpu"
              title={`CPU millicores${row.cpu.limit === null ? '' : ` (limit ${formatCpuAmount(row.cpu.limit)})`}`}
              values={cpu}
              times={times}
              width={w}
              height={layout.plot}
              min={0}
              cap={row.cpu.limit ?? undefined}
              unit="m"
              theme={theme}
            />,
            <HistoryChart
              key="mem"
              title={`memory MiB${row.memory.limit === null ? '' : ` (limit ${formatBytes(row.memory.limit)})`}`}
              values={mem}
              times={times}
              width={w}
              height={layout.plot}
              min={0}
              cap={row.memory.limit === null ? undefined : row.memory.limit / MiB}
              unit="Mi"
              theme={theme}
            />,
          ]}
        </ChartGrid>
      ) : layout.chartsNote ? (
        line(' charts left out: too few lines', undefined, false, true)
      ) : null}
      {line(` containers (${pod.containers.length})`, undefined, true)}
      {layout.containers.table ? (
        <Table
          placed={fitColumns(CONTAINER_COLUMNS, lines, context, width)}
          rows={lines}
          keys={lines.map((l) => l.container.name)}
          selected={null}
          focused={false}
          sort={UNSORTED}
          context={context}
          theme={theme}
        />
      ) : (
        lines.map(({ container: c }) => (
          <Text key={c.name} wrap="truncate">
            {fitText(
              `  ${c.name}  ${c.state}  ready ${c.ready ? 'yes' : 'no'}  ${c.restarts} restarts`,
              width,
              'left',
              theme.symbols.ellipsis,
            )}
          </Text>
        ))
      )}
      {more(layout.containers.more, 'containers')}
    </Box>
  );
}
