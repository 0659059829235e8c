import { formatAge } from './age.js';
import { type Cell, type Column, UNKNOWN_CELL } from './columns.js';
import { type FleetRow, fleetSeverity, isStale } from './fleet-row.js';
import { levelGlyph } from './level-glyph.js';
import { percentCell, placeholderCell } from './percent-cell.js';
import { sparkline } from './sparkline.js';

// The fleet pane: one row per cluster. Column ids match the node pane's where they mean the same
// (cpu%, mem%, disk%, name, age), so C, M, D, N and A sort here as they do there.

function countCell(count: number, level: 'warn' | 'crit'): Cell {
  return count === 0 ? { text: '0', level: 'ok', dim: true } : { text: String(count), level };
}

function nodesCell(r: FleetRow, ascii: boolean): Cell {
  if (!r.nodes) return r.down ? { text: '?', level: 'crit' } : placeholderCell(ascii ? '.' : '…', ascii);
  const { ready, total } = r.nodes;
  return { text: `${ready}/${total}`, level: ready < total ? 'crit' : 'ok' };
}

function problemCell(r: FleetRow, ascii: boolean): Cell {
  if (!r.problem) return r.dataAt === null ? { text: `connecting${ascii ? '...' : '…'}`, level: 'ok', dim: true } : UNKNOWN_CELL;
  const { text, level } = r.problem;
  // A cluster that cannot be read is marked as the header marks it; alerts with their glyph.
  const mark = r.down ? (ascii ? 'X' : '✗') : levelGlyph(level, ascii);
  return { text: mark ? `${mark} ${text}` : text, level };
}

function ageCell(r: FleetRow, now: number): Cell {
  if (r.dataAt === null) return UNKNOWN_CELL;
  const age = formatAge(Math.max(0, now - r.dataAt));
  return isStale(r, now) ? { text: `STALE ${age}`, level: 'crit' } : { text: age, level: 'ok' };
}

export const FLEET_COLUMNS: readonly Column<FleetRow>[] = [
  {
    id: 'name',
    fitContent: true,
    cutMiddle: true,
    title: 'CONTEXT',
    minWidth: 10,
    maxWidth: 32,
    priority: 100,
    align: 'left',
    sort: { value: (r) => r.name, descending: false },
    cell: (r) => ({ text: r.name, level: 'ok' }),
  },
  {
    // Every server is https://, so the host and port are what tell them apart. Whole or not at all:
    // below 120 columns the problem has the room.
    id: 'server',
    fitContent: true,
    title: 'SERVER',
    minWidth: 16,
    maxWidth: 30,
    priority: 15,
    align: 'left',
    sort: { value: (r) => r.server, descending: false },
    cell: (r) => (r.server ? { text: r.server.replace(/^https:\/\//i, ''), level: 'ok' } : UNKNOWN_CELL),
  },
  {
    id: 'nodes',
    fitContent: true,
    title: 'NODES',
    minWidth: 5,
    maxWidth: 9,
    priority: 80,
    align: 'right',
    // Most nodes not Ready first.
    sort: { value: (r) => (r.nodes ? r.nodes.total - r.nodes.ready : null), descending: true },
    cell: (r, c) => nodesCell(r, c.ascii),
  },
  {
    id: 'cpu%',
    title: 'CPU%',
    minWidth: 6,
    maxWidth: 7,
    priority: 70,
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
    priority: 25,
    align: 'left',
    cell: (r, c) => ({
      text: r.cpuTrend.length ? sparkline(r.cpuTrend, { width: c.width, ascii: c.ascii, max: 100 }) : '',
      level: 'ok',
      dim: true,
    }),
  },
  {
    id: 'mem%',
    title: 'MEM%',
    minWidth: 6,
    maxWidth: 7,
    priority: 68,
    align: 'right',
    sort: { value: (r) => r.memory.percent, descending: true },
    cell: (r, c) => percentCell(r.memory.percent, r.memory.level, c.ascii),
  },
  {
    // The fullest node filesystem of the cluster.
    id: 'disk%',
    title: 'DISK%',
    minWidth: 6,
    maxWidth: 7,
    priority: 72,
    align: 'right',
    sort: { value: (r) => r.disk?.percent ?? null, descending: true },
    cell: (r, c) => (r.disk ? percentCell(r.disk.percent, r.disk.level, c.ascii) : placeholderCell('-', c.ascii)),
  },
  {
    id: 'crit',
    title: 'CRIT',
    minWidth: 4,
    maxWidth: 5,
    priority: 78,
    align: 'right',
    sort: { value: (r) => r.crit, descending: true },
    cell: (r) => countCell(r.crit, 'crit'),
  },
  {
    id: 'warn',
    title: 'WARN',
    minWidth: 4,
    maxWidth: 5,
    priority: 76,
    align: 'right',
    sort: { value: (r) => r.warn, descending: true },
    cell: (r) => countCell(r.warn, 'warn'),
  },
  {
    // Sorting by it is the default order: worst cluster first.
    id: 'worst',
    fitContent: true,
    title: 'WORST PROBLEM',
    minWidth: 28,
    maxWidth: 60,
    // Before the figures: at 80 columns the problem stays and the sparkline and server give way.
    priority: 73,
    align: 'left',
    sort: { value: fleetSeverity, descending: true },
    cell: (r, c) => problemCell(r, c.ascii),
  },
  {
    // The data's age, as the header shows it for one cluster; A sorts the freshest first.
    id: 'age',
    fitContent: true,
    title: 'DATA',
    minWidth: 4,
    maxWidth: 10,
    priority: 74,
    align: 'right',
    sort: { value: (r) => r.dataAt, descending: true },
    cell: (r, c) => ageCell(r, c.now),
  },
];
