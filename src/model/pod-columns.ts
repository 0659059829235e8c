import { formatAge } from './age.js';
import type { Cell, CellContext, Column } from './columns.js';
import { UNKNOWN_CELL } from './columns.js';
import { formatBytes, formatCpu } from './format-units.js';
import { levelGlyph } from './level-glyph.js';
import { percentCell } from './percent-cell.js';
import type { PodRow } from './pod-row.js';
import { sparkline } from './sparkline.js';
import { formatTimeLeft } from './time-left.js';

const HEADROOM = 4 / 3;

function trend(row: PodRow, ctx: CellContext, series: 0 | 1, limit: number | null): Cell {
  const values = ctx.history.podUsage.read(row.uid, series, ctx.width, ctx.asOfTick);
  if (values.length === 0) return { text: '', level: 'ok' };
  // Against the limit the line shows how close the pod is to being throttled or OOM-killed; without
  // one, headroom above the highest sample keeps a steady pod from reading as maxed out.
  const top = limit ?? Math.max(...values) * HEADROOM;
  return { text: sparkline(values, { width: ctx.width, ascii: ctx.ascii, max: top }), level: 'ok', dim: true };
}

function restartsCell(row: PodRow): Cell {
  return {
    text: String(row.restarts),
    level: row.restarts > 0 && row.statusLevel !== 'ok' ? row.statusLevel : 'ok',
    dim: row.restarts === 0,
  };
}

/** The pod's status, or, for a pod otherwise well, when it is projected to be OOM-killed: "OOM 12m !". */
function statusCell(r: PodRow, c: CellContext): Cell {
  const oom = r.oom;
  if (r.statusLevel === 'ok' && oom?.fullInMs != null && oom.level !== 'ok')
    return { text: `OOM ${formatTimeLeft(oom.fullInMs)} ${levelGlyph(oom.level, c.ascii)}`, level: oom.level };
  return { text: `${r.status}${r.statusLevel === 'ok' ? '' : ` ${levelGlyph(r.statusLevel, c.ascii)}`}`, level: r.statusLevel };
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
    title: 'NODE',
    minWidth: 8,
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
    cell: statusCell,
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
    id: 'cpu%r',
    title: 'CPU/R',
    minWidth: 6,
    maxWidth: 7,
    priority: 75,
    align: 'right',
    sort: { descending: true },
    cell: (r, c) => percentCell(r.cpu.percentOfRequest, r.cpu.level, c.ascii),
  },
  { id: 'cpu~', title: 'cpu', minWidth: 6, maxWidth: 10, priority: 30, align: 'left', cell: (r, c) => trend(r, c, 0, r.cpu.limit) },
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
  { id: 'mem~', title: 'mem', minWidth: 6, maxWidth: 10, priority: 29, align: 'left', cell: (r, c) => trend(r, c, 1, r.memory.limit) },
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
