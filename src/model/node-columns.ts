import { formatAge } from './age.js';
import type { Cell, CellContext, Column } from './columns.js';
import { UNKNOWN_CELL } from './columns.js';
import { formatBytesPair, formatCores } from './format-units.js';
import { levelGlyph } from './level-glyph.js';
import { type Level, levelRank } from './levels.js';
import type { NodeRow } from './node-row.js';
import { percentCell, placeholderCell } from './percent-cell.js';
import { sparkline } from './sparkline.js';
import { statusCell } from './status-cell.js';
import { formatTimeLeft } from './time-left.js';

function trend(row: NodeRow, ctx: CellContext, series: 0 | 1, total: number | null): Cell {
  const values = ctx.history.nodeUsage.read(row.uid, series, ctx.width, ctx.asOfTick);
  if (values.length === 0) return { text: '', level: 'ok' };
  const scaled = total ? values.map((v) => (v / total) * 100) : values;
  return { text: sparkline(scaled, { width: ctx.width, ascii: ctx.ascii, max: total ? 100 : undefined }), level: 'ok', dim: true };
}

function diskCell(row: NodeRow, ctx: CellContext): Cell {
  if (row.disk.percent !== null) return percentCell(row.disk.percent, row.disk.level, ctx.ascii);
  // Not read yet is different from cannot be read: the first fills in shortly.
  return placeholderCell(row.diskUnknown === 'not read yet' ? (ctx.ascii ? '.' : '…') : '-', ctx.ascii);
}

/** "43m ‼": when the node's fastest-filling resource is full, with its level; blank when none fills within a day. */
function fullCell(row: NodeRow, ctx: CellContext): Cell {
  const full = row.full;
  if (full?.fullInMs == null) return { text: '', level: 'ok' };
  const glyph = levelGlyph(full.level, ctx.ascii);
  return { text: `${formatTimeLeft(full.fullInMs)}${` ${glyph}`.padEnd(ctx.ascii ? 3 : 2)}`, level: full.level };
}

interface Worst {
  readonly level: Level;
  readonly text: string;
  /** null for a condition (NotReady, DiskPressure), which goes before any figure at its level. */
  readonly percent: number | null;
}

/**
 * The worst thing about a node: a failing condition, else its fullest resource at the worst level,
 * or a resource projected full soon (which sorts after any figure at its level).
 */
function worstOf(row: NodeRow): Worst | null {
  let worst: Worst | null = row.statusLevel === 'ok' ? null : { level: row.statusLevel, text: row.status, percent: null };
  const consider = (candidate: Worst & { percent: number }) => {
    const rank = levelRank(candidate.level) - (worst ? levelRank(worst.level) : -1);
    if (rank > 0 || (rank === 0 && worst?.percent != null && candidate.percent > worst.percent)) worst = candidate;
  };
  const { inodes, imageInodes, pids } = row.signals;
  for (const [label, figure] of [
    ['disk', row.disk],
    ['mem', row.memory],
    ['cpu', row.cpu],
    ['inodes', inodes],
    ['inodes', imageInodes],
    ['PIDs', pids],
  ] as const) {
    // Inodes and PIDs only when they alert: a row of "inodes 12%" would hide the figures people scan for.
    const quiet = label === 'inodes' || label === 'PIDs';
    if (figure?.percent != null && !(quiet && figure.level === 'ok'))
      consider({ level: figure.level, text: `${label} ${Math.trunc(figure.percent)}%`, percent: figure.percent });
  }
  const full = row.full;
  if (full?.fullInMs != null && full.level !== 'ok')
    consider({ level: full.level, text: `${full.resource} full in ${formatTimeLeft(full.fullInMs)}`, percent: 0 });
  return worst;
}

/** The worst thing about a node in one cell, for narrow panes: "‼ disk 93%", "‼ NotReady", "cpu 36%". */
export function worstCell(row: NodeRow, ascii: boolean): Cell {
  const worst = worstOf(row);
  if (!worst) return UNKNOWN_CELL;
  if (worst.level === 'ok') return { text: worst.text, level: 'ok' };
  return { text: `${levelGlyph(worst.level, ascii)} ${worst.text}`, level: worst.level };
}

// An alert's age is worth the room from a minute on; seconds old, it is news the cell already says.
const AGE_FROM_MS = 60_000;

/** "‼ disk 93% 12m": an alerting cell with how long the node has had a firing alert. */
function withAge(cell: Cell, since: number | null, now: number): Cell {
  if (cell.level === 'ok' || since === null || now - since < AGE_FROM_MS) return cell;
  return { ...cell, text: `${cell.text} ${formatAge(now - since)}` };
}

/** The order a narrow pane shows, by exactly what worstCell shows: worst level, conditions, then the figure. */
export function severity(row: NodeRow): number | null {
  const worst = worstOf(row);
  if (!worst) return null;
  return levelRank(worst.level) * 1000 + (worst.percent === null ? 999 : Math.min(worst.percent, 998));
}

export const NODE_COLUMNS: readonly Column<NodeRow>[] = [
  {
    id: 'name',
    fitContent: true,
    cutMiddle: true,
    title: 'NAME',
    minWidth: 16,
    maxWidth: 40,
    priority: 100,
    align: 'left',
    sort: { value: (r) => r.name, descending: false },
    cell: (r) => ({ text: r.name, level: 'ok' }),
  },
  {
    id: 'status',
    fitContent: true,
    title: 'STATUS',
    minWidth: 10,
    maxWidth: 22,
    priority: 80,
    align: 'left',
    sort: { value: (r) => `${levelRank(r.statusLevel)}${r.status}`, descending: true },
    cell: (r, c) => statusCell(r.status, r.statusLevel, c.ascii),
  },
  {
    id: 'roles',
    fitContent: true,
    title: 'ROLES',
    minWidth: 6,
    maxWidth: 14,
    priority: 20,
    align: 'left',
    sort: { value: (r) => r.roles.join(','), descending: false },
    cell: (r) => ({ text: r.roles.join(',') || '<none>', level: 'ok', dim: r.roles.length === 0 }),
  },
  {
    id: 'cpu',
    fitContent: true,
    title: 'CPU',
    minWidth: 7,
    maxWidth: 9,
    priority: 45,
    align: 'right',
    sort: { value: (r) => r.cpu.used, descending: true },
    cell: (r) =>
      r.cpu.used === null ? UNKNOWN_CELL : { text: `${formatCores(r.cpu.used)}/${formatCores(r.cpu.total ?? 0)}`, level: 'ok' },
  },
  {
    id: 'cpu%',
    title: 'CPU%',
    minWidth: 6,
    maxWidth: 7,
    priority: 90,
    align: 'right',
    sort: { value: (r) => r.cpu.percent, descending: true },
    cell: (r, c) => percentCell(r.cpu.percent, r.cpu.level, c.ascii),
  },
  {
    id: 'cpu~',
    title: 'cpu',
    fills: true,
    minWidth: 6,
    maxWidth: 12,
    priority: 30,
    align: 'left',
    cell: (r, c) => trend(r, c, 0, r.cpu.total),
  },
  {
    id: 'mem',
    fitContent: true,
    title: 'MEM',
    minWidth: 10,
    maxWidth: 12,
    priority: 44,
    align: 'right',
    sort: { value: (r) => r.memory.used, descending: true },
    cell: (r) => (r.memory.used === null ? UNKNOWN_CELL : { text: formatBytesPair(r.memory.used, r.memory.total ?? 0), level: 'ok' }),
  },
  {
    id: 'mem%',
    title: 'MEM%',
    minWidth: 6,
    maxWidth: 7,
    priority: 88,
    align: 'right',
    sort: { value: (r) => r.memory.percent, descending: true },
    cell: (r, c) => percentCell(r.memory.percent, r.memory.level, c.ascii),
  },
  {
    id: 'mem~',
    title: 'mem',
    fills: true,
    minWidth: 6,
    maxWidth: 12,
    priority: 29,
    align: 'left',
    cell: (r, c) => trend(r, c, 1, r.memory.total),
  },
  {
    id: 'disk%',
    title: 'DISK%',
    minWidth: 6,
    maxWidth: 7,
    priority: 95,
    align: 'right',
    sort: { value: (r) => r.disk.percent, descending: true },
    cell: diskCell,
  },
  {
    id: 'full',
    title: 'FULL',
    minWidth: 5,
    maxWidth: 7,
    priority: 86,
    align: 'right',
    // Soonest first; nodes not filling (null) last either way.
    sort: { value: (r) => r.full?.fullInMs ?? null, descending: false },
    cell: fullCell,
  },
  {
    // Kubelets are read in turn under a request budget, so on a big cluster each row's disk (and,
    // when summaries stand in for the Metrics API, CPU and memory) has an age of its own.
    id: 'read',
    fitContent: true,
    title: 'READ',
    minWidth: 4,
    maxWidth: 5,
    priority: 12,
    align: 'right',
    sort: { value: (r) => (r.diskAt === null ? null : -r.diskAt), descending: true },
    cell: (r, c) => (r.diskAt === null ? diskCell(r, c) : { text: formatAge(c.now - r.diskAt), level: 'ok' }),
  },
  {
    id: 'pods',
    fitContent: true,
    title: 'PODS',
    minWidth: 7,
    maxWidth: 7,
    priority: 35,
    align: 'right',
    sort: { value: (r) => r.pods.count, descending: true },
    cell: (r, c) =>
      r.pods.count === null ? placeholderCell(c.ascii ? '.' : '…', c.ascii) : { text: `${r.pods.count}/${r.pods.capacity}`, level: 'ok' },
  },
  {
    id: 'age',
    fitContent: true,
    title: 'AGE',
    minWidth: 5,
    maxWidth: 5,
    priority: 10,
    align: 'right',
    sort: { value: (r) => -r.createdAt, descending: false },
    cell: (r, c) => ({ text: formatAge(c.now - r.createdAt), level: 'ok' }),
  },
];

/** With --no-kubelet nothing is read per node, so no READ column. */
export const NODE_COLUMNS_WITHOUT_KUBELET = NODE_COLUMNS.filter((c) => c.id !== 'read');

const nameColumn = NODE_COLUMNS[0] as Column<NodeRow>;

/** For panes too small for the full table (a 40×10 tmux pane): each node and its worst figure. */
export const COMPACT_NODE_COLUMNS: readonly Column<NodeRow>[] = [
  { ...nameColumn, minWidth: 8 },
  {
    id: 'worst',
    title: 'WORST',
    minWidth: 10,
    maxWidth: 20,
    priority: 99,
    align: 'left',
    sort: { value: severity, descending: true },
    cell: (r, c) => withAge(worstCell(r, c.ascii), c.since?.(r.uid) ?? null, c.now),
  },
];
