import { formatAge } from './age.js';
import type { Cell, CellContext, Column } from './columns.js';
import { UNKNOWN_CELL } from './columns.js';
import { formatBytes, formatCpu } from './format-units.js';
import { type Level, levelRank } from './levels.js';
import { percentCell } from './percent-cell.js';
import type { PodRow } from './pod-row.js';
import { POD_SIGNAL_COLUMNS } from './pod-signal-columns.js';
import type { PodSignals } from './pod-signals.js';
import { worstPressure } from './pressure.js';
import { sparkline } from './sparkline.js';
import { statusCell } from './status-cell.js';
import { formatTimeLeft } from './time-left.js';

const HEADROOM = 4 / 3;

// Against the limit the line shows how close the pod is to being throttled or OOM-killed. Pods
// without one share a scale (their highest sample on screen, with headroom), so the lines of a pod
// at 2m and one at 6m compare as their figures do.
function trend(row: PodRow, ctx: CellContext, series: 0 | 1, limit: number | null): Cell {
  const values = ctx.history.podUsage.read(row.uid, series, ctx.width, ctx.asOfTick);
  if (values.length === 0) return { text: '', level: 'ok' };
  const top = limit ?? ctx.scale ?? Math.max(...values) * HEADROOM;
  return { text: sparkline(values, { width: ctx.width, ascii: ctx.ascii, max: top }), level: 'ok', dim: true };
}

/** The scale shared by the rows on screen that have no limit for this series. */
function sharedScale(rows: readonly PodRow[], ctx: CellContext, series: 0 | 1): number | undefined {
  let peak = 0;
  for (const row of rows) {
    if ((series === 0 ? row.cpu.limit : row.memory.limit) !== null) continue;
    for (const v of ctx.history.podUsage.read(row.uid, series, ctx.width, ctx.asOfTick)) if (v > peak) peak = v;
  }
  return peak > 0 ? peak * HEADROOM : undefined;
}

function restartsCell(row: PodRow): Cell {
  return {
    text: String(row.restarts),
    level: row.restarts > 0 && row.statusLevel !== 'ok' ? row.statusLevel : 'ok',
    dim: row.restarts === 0,
  };
}

/**
 * The worst of what the kubelet says is wrong with a pod, in a few characters ("EPH 91%", "THR 55%",
 * "PSI 40%"): the columns that show it in full give way in a narrow pane.
 */
function signalStatus(signals: PodSignals): { text: string; level: Level } | null {
  const { ephemeral, throttling, pressure, pressureLevel } = signals;
  const candidates = [
    { text: `EPH ${Math.trunc(ephemeral?.percent ?? 0)}%`, level: ephemeral?.percent == null ? 'ok' : ephemeral.level },
    { text: `THR ${Math.trunc(throttling?.percent ?? 0)}%`, level: throttling?.level ?? 'ok' },
    { text: `PSI ${Math.trunc(worstPressure(pressure)?.percent ?? 0)}%`, level: pressureLevel },
  ] as const;
  let worst: { text: string; level: Level } | null = null;
  for (const c of candidates) if (c.level !== 'ok' && (!worst || levelRank(c.level) > levelRank(worst.level))) worst = c;
  return worst;
}

/**
 * The pod's status, or, for a pod otherwise well, what alerts about it: when it is projected to be
 * OOM-killed ("OOM 12m !"), else a kubelet signal ("EPH 91% ‼"), whose own column may not fit.
 */
function podStatusCell(r: PodRow, c: CellContext): Cell {
  if (r.statusLevel !== 'ok') return statusCell(r.status, r.statusLevel, c.ascii);
  const oom = r.oom;
  if (oom?.fullInMs != null && oom.level !== 'ok') return statusCell(`OOM ${formatTimeLeft(oom.fullInMs)}`, oom.level, c.ascii);
  const signal = signalStatus(r.signals);
  return signal ? statusCell(signal.text, signal.level, c.ascii) : statusCell(r.status, r.statusLevel, c.ascii);
}

export const POD_COLUMNS: readonly Column<PodRow>[] = [
  {
    id: 'namespace',
    fitContent: true,
    title: 'NAMESPACE',
    minWidth: 10,
    maxWidth: 20,
    priority: 60,
    align: 'left',
    sort: { descending: false },
    cell: (r) => ({ text: r.namespace, level: 'ok' }),
  },
  {
    id: 'name',
    fitContent: true,
    cutMiddle: true,
    title: 'NAME',
    minWidth: 24,
    maxWidth: 50,
    priority: 100,
    align: 'left',
    sort: { descending: false },
    cell: (r) => ({ text: r.name, level: 'ok' }),
  },
  {
    id: 'node',
    fitContent: true,
    cutMiddle: true,
    title: 'NODE',
    // Room for a whole host label (ip-10-0-12-34, hello-kube-001): a node name cut shorter tells
    // nodes apart no better than no NODE column at all.
    minWidth: 16,
    maxWidth: 30,
    priority: 35,
    align: 'left',
    sort: { descending: false },
    cell: (r) => ({ text: r.node, level: 'ok' }),
  },
  {
    id: 'status',
    fitContent: true,
    title: 'STATUS',
    minWidth: 10,
    maxWidth: 20,
    priority: 85,
    align: 'left',
    sort: { descending: true },
    cell: podStatusCell,
  },
  {
    id: 'restarts',
    fitContent: true,
    title: 'RST',
    minWidth: 3,
    maxWidth: 4,
    priority: 70,
    align: 'right',
    sort: { descending: true },
    cell: restartsCell,
  },
  {
    id: 'cpu',
    title: 'CPU',
    minWidth: 5,
    maxWidth: 6,
    priority: 80,
    align: 'right',
    sort: { descending: true },
    cell: (r) => (r.cpu.usage === null ? UNKNOWN_CELL : { text: formatCpu(r.cpu.usage), level: 'ok' }),
  },
  {
    id: 'cpu%l',
    title: 'CPU/L',
    minWidth: 6,
    maxWidth: 7,
    priority: 75,
    align: 'right',
    sort: { descending: true },
    cell: (r, c) => percentCell(r.cpu.percentOfLimit, r.cpu.level, c.ascii),
  },
  {
    id: 'cpu~',
    title: 'cpu',
    fills: true,
    minWidth: 6,
    maxWidth: 10,
    priority: 30,
    align: 'left',
    scale: (rows, c) => sharedScale(rows, c, 0),
    cell: (r, c) => trend(r, c, 0, r.cpu.limit),
  },
  {
    id: 'mem',
    title: 'MEM',
    minWidth: 6,
    maxWidth: 7,
    priority: 82,
    align: 'right',
    sort: { descending: true },
    cell: (r) => (r.memory.usage === null ? UNKNOWN_CELL : { text: formatBytes(r.memory.usage), level: 'ok' }),
  },
  {
    id: 'mem%l',
    title: 'MEM/L',
    minWidth: 6,
    maxWidth: 7,
    priority: 78,
    align: 'right',
    sort: { descending: true },
    cell: (r, c) => percentCell(r.memory.percentOfLimit, r.memory.level, c.ascii),
  },
  {
    id: 'mem~',
    title: 'mem',
    fills: true,
    minWidth: 6,
    maxWidth: 10,
    priority: 29,
    align: 'left',
    scale: (rows, c) => sharedScale(rows, c, 1),
    cell: (r, c) => trend(r, c, 1, r.memory.limit),
  },
  ...POD_SIGNAL_COLUMNS,
  {
    id: 'age',
    fitContent: true,
    title: 'AGE',
    minWidth: 5,
    maxWidth: 5,
    priority: 20,
    align: 'right',
    sort: { descending: false },
    cell: (r, c) => ({ text: formatAge(c.now - r.createdAt), level: 'ok' }),
  },
];
