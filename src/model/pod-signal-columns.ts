import type { Cell, CellContext, Column } from './columns.js';
import { formatBytes } from './format-units.js';
import { percentCell, placeholderCell } from './percent-cell.js';
import type { PodRow } from './pod-row.js';

// The pod pane's columns for what its node's kubelet knows: CPU throttling (from cAdvisor, read for
// the nodes of the pods on screen) and ephemeral storage (from every node's summary).

function throttlingCell(r: PodRow, c: CellContext): Cell {
  const thr = r.signals.throttling;
  return thr ? percentCell(thr.percent, thr.level, c.ascii) : placeholderCell('-', c.ascii);
}

/** EPH%: of the limit, else of the request; the bytes alone where the pod sets neither. */
function ephemeralCell(r: PodRow, c: CellContext): Cell {
  const eph = r.signals.ephemeral;
  if (!eph) return placeholderCell('-', c.ascii);
  if (eph.percent === null) return { ...placeholderCell(formatBytes(eph.used ?? 0), c.ascii), dim: false };
  return percentCell(eph.percent, eph.level, c.ascii);
}

export const POD_SIGNAL_COLUMNS: readonly Column<PodRow>[] = [
  {
    id: 'thr%',
    title: 'THR%',
    minWidth: 6,
    maxWidth: 7,
    priority: 72,
    align: 'right',
    sort: { descending: true },
    cell: throttlingCell,
  },
  {
    id: 'eph%',
    title: 'EPH%',
    minWidth: 6,
    maxWidth: 8,
    priority: 33,
    // A status cut in half says nothing: in a narrow pane this gives way to it.
    yields: true,
    align: 'right',
    sort: { descending: true },
    cell: ephemeralCell,
  },
];
