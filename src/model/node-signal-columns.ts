import type { Cell, Column } from './columns.js';
import { UNKNOWN_CELL } from './columns.js';
import type { NodeRow } from './node-row.js';
import { percentCell, placeholderCell } from './percent-cell.js';
import { type PressureResource, reportsPressure, someAvg10 } from './pressure.js';
import { formatRxTx } from './rate-units.js';

// The node pane's columns for what the kubelet knows beyond CPU, memory and disk: pressure (only
// while some node reports it), inodes and network.

function pressureColumn(resource: PressureResource, title: string, priority: number): Column<NodeRow> {
  const value = (r: NodeRow) => someAvg10(r.signals.pressure, resource);
  return {
    id: `psi-${resource}`,
    title,
    minWidth: 7,
    maxWidth: 8,
    priority,
    align: 'right',
    sort: { value, descending: true },
    // Not reported is not 0: a kubelet without PSI (before 1.34, or on cgroup v1) shows "-".
    cell: (r, c): Cell => {
      const percent = value(r);
      return percent === null ? placeholderCell('-', c.ascii) : percentCell(percent, r.signals.pressureLevel, c.ascii);
    },
  };
}

export const PRESSURE_COLUMNS: readonly Column<NodeRow>[] = [
  pressureColumn('cpu', 'PSI-CPU', 34),
  pressureColumn('memory', 'PSI-MEM', 33),
  pressureColumn('io', 'PSI-IO', 32),
];

export const INODES_COLUMN: Column<NodeRow> = {
  id: 'inode%',
  title: 'INODE%',
  minWidth: 7,
  maxWidth: 8,
  // It alerts, as DISK% does: a node out of inodes with bytes to spare fails all the same.
  priority: 43,
  align: 'right',
  sort: { value: (r) => r.signals.inodes?.percent ?? null, descending: true },
  cell: (r, c) => {
    const worst = [r.signals.inodes, r.signals.imageInodes].reduce(
      (a, b) => (b && (!a || (b.percent ?? 0) > (a.percent ?? 0)) ? b : a),
      null,
    );
    return worst ? percentCell(worst.percent, worst.level, c.ascii) : placeholderCell('-', c.ascii);
  },
};

export const NETWORK_COLUMN: Column<NodeRow> = {
  id: 'net',
  title: 'NET rx/tx',
  minWidth: 11,
  maxWidth: 11,
  priority: 14,
  align: 'right',
  sort: {
    value: (r) => (r.signals.network ? r.signals.network.rxBytesPerSecond + r.signals.network.txBytesPerSecond : null),
    descending: true,
  },
  cell: (r) => {
    const net = r.signals.network;
    return net ? { text: formatRxTx(net.rxBytesPerSecond, net.txBytesPerSecond), level: 'ok' } : UNKNOWN_CELL;
  },
};

/**
 * The columns with the kubelet's, placed before DISK% (inodes beside it): pressure only while some
 * node reports it (an older kubelet, or cgroup v1, never does, and a column of dashes would only
 * take room).
 */
export function withSignalColumns(columns: readonly Column<NodeRow>[], rows: readonly NodeRow[]): readonly Column<NodeRow>[] {
  const at = columns.findIndex((c) => c.id === 'disk%');
  if (at < 0) return columns;
  const pressure = rows.some((r) => reportsPressure(r.signals.pressure)) ? PRESSURE_COLUMNS : [];
  return [...columns.slice(0, at), ...pressure, NETWORK_COLUMN, INODES_COLUMN, ...columns.slice(at)];
}
