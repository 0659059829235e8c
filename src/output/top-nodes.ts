import { formatAge } from '../model/age.js';
import { formatBytesPair } from '../model/format-units.js';
import type { NodeRow } from '../model/node-row.js';
import { type AlertPart, alertSummary } from './alert-summary.js';
import { netCell, nodeSignalAlerts, nodeSignalCells, nodeSignalHeaders } from './kubelet-cells.js';
import { textTable } from './text-table.js';
import { cpuCell, memoryCell, percentCell } from './top-figures.js';

export interface TableOptions {
  readonly wide: boolean;
  readonly noHeaders: boolean;
  readonly ascii: boolean;
  /** Colour the ALERTS column (always the last, so colour codes never upset the alignment). */
  readonly color: boolean;
  readonly now: number;
  /** Leave out the least important columns until lines fit (a TERM=dumb terminal); unset, all show. */
  readonly maxWidth?: number;
  /** Network rates were read (--network): a NET(rx/tx) column, in the plain table too. */
  readonly network?: boolean;
}

function nodeAlerts(row: NodeRow): AlertPart[] {
  const pct = (p: number | null) => `${Math.trunc(p ?? 0)}%`;
  return [
    ...row.conditionAlerts.map((label) => ({ level: row.statusLevel, label })),
    { level: row.cpu.level, label: `cpu ${pct(row.cpu.percent)}` },
    { level: row.memory.level, label: `memory ${pct(row.memory.percent)}` },
    { level: row.disk.level, label: `disk ${pct(row.disk.percent)}` },
    { level: row.imageFs?.level ?? 'ok', label: `imagefs ${pct(row.imageFs?.percent ?? null)}` },
    ...nodeSignalAlerts(row),
  ];
}

const BASE = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)', 'DISK(%)'];
const wideHeaders = (network: boolean) => ['IMAGEFS(%)', 'DISK(bytes)', ...nodeSignalHeaders(network), 'STATUS', 'ROLES', 'PODS', 'AGE'];
// How long each column holds out when the table must be narrowed: names and alerts longest.
const PRIORITY: Readonly<Record<string, number>> = {
  NAME: 100,
  ALERTS: 95,
  'CPU(%)': 90,
  'DISK(%)': 88,
  'MEMORY(%)': 85,
  STATUS: 80,
  'CPU(cores)': 60,
  'MEMORY(bytes)': 55,
  PODS: 40,
  'INODES(%)': 50,
  'PIDS(%)': 45,
  'IMAGEFS(%)': 30,
  'DISK(bytes)': 25,
  'PSI(%)': 24,
  'NET(rx/tx)': 15,
  ROLES: 20,
  AGE: 10,
};

/** The fitting for a table with these headings, when a width is asked for. */
export function fitFor(header: readonly string[], maxWidth: number | undefined, priority: Readonly<Record<string, number>>) {
  return maxWidth === undefined ? undefined : { maxWidth, priority: header.map((h) => priority[h] ?? 0) };
}

/** kubectl top nodes' columns and rounding, plus disk and an ALERTS column; wide adds the rest. */
export function topNodesTable(rows: readonly NodeRow[], options: TableOptions): string {
  const network = options.network === true;
  // --network asks for two reads to show a rate: the plain table shows it too, as top pods --throttling does.
  const plainNet = network && !options.wide;
  const header = [...BASE, ...(options.wide ? wideHeaders(network) : plainNet ? ['NET(rx/tx)'] : []), 'ALERTS'];
  const body = rows.map((row) => {
    const base = [
      row.name,
      cpuCell(row.cpu.used),
      percentCell(row.cpu.percent),
      memoryCell(row.memory.used),
      percentCell(row.memory.percent),
      percentCell(row.disk.percent),
    ];
    const wide = options.wide
      ? [
          row.imagesOnNodeFs ? '=nodefs' : percentCell(row.imageFs?.percent ?? null),
          row.disk.used === null || row.disk.total === null ? '<unknown>' : formatBytesPair(row.disk.used, row.disk.total),
          ...nodeSignalCells(row, network),
          row.status,
          row.roles.join(',') || '<none>',
          row.pods.count === null ? '<unknown>' : `${row.pods.count}/${row.pods.capacity}`,
          formatAge(options.now - row.createdAt),
        ]
      : plainNet
        ? [netCell(row)]
        : [];
    return [...base, ...wide, alertSummary(nodeAlerts(row), options)];
  });
  return textTable(options.noHeaders ? null : header, body, fitFor(header, options.maxWidth, PRIORITY));
}
