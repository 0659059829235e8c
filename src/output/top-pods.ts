import type { PodRow } from '../model/pod-row.js';
import type { PodUsage } from '../model/records.js';
import { type AlertPart, alertSummary, type SummaryStyle } from './alert-summary.js';
import { podSignalAlerts, podSignalCells, podSignalHeaders, throttlingCell } from './kubelet-cells.js';
import { textTable } from './text-table.js';
import { cpuCell, memoryCell, percentCell } from './top-figures.js';
import { fitFor, type TableOptions } from './top-nodes.js';

const PRIORITY: Readonly<Record<string, number>> = {
  NAME: 100,
  ALERTS: 95,
  NAMESPACE: 90,
  'CPU(cores)': 85,
  'MEMORY(bytes)': 84,
  STATUS: 80,
  'MEM/LIM': 65,
  'CPU/LIM': 60,
  RESTARTS: 50,
  NODE: 40,
  'CPU/REQ': 30,
  'MEM/REQ': 29,
  'EPH(%)': 55,
  'THR(%)': 58,
};

/** One line of `kmon top pods`: metrics always, the pod's spec and status when the pod list was read. */
export interface PodLine {
  readonly namespace: string;
  readonly name: string;
  readonly usage: PodUsage | null;
  readonly row: PodRow | null;
}

export interface PodTableOptions extends TableOptions {
  readonly allNamespaces: boolean;
  readonly containers: boolean;
  readonly sum: boolean;
  /** A THR(%) column in the plain table (--throttling); wide has it anyway. */
  readonly throttling?: boolean;
}

// Statuses that are not the trouble: a pod Running and alerting alerts for what its containers did.
const QUIET_STATUS = new Set(['Running', 'Completed', 'Succeeded']);

function podAlerts(row: PodRow): AlertPart[] {
  // "‼ Running" would say nothing: the first reason ("app restarted (OOMKilled) 4m ago, 3 restarts") says why.
  const statusLabel = QUIET_STATUS.has(row.status) ? (row.reasons[0] ?? row.status) : row.status;
  return [
    { level: row.statusLevel, label: statusLabel },
    { level: row.cpu.level, label: `cpu ${Math.trunc(row.cpu.percentOfLimit ?? 0)}% of limit` },
    { level: row.memory.level, label: `memory ${Math.trunc(row.memory.percentOfLimit ?? 0)}% of limit` },
    ...podSignalAlerts(row),
  ];
}

const plainThrottling = (options: PodTableOptions) => options.throttling === true && !options.wide && !options.containers;

/** A percentage of a request or limit: "-" where the pod sets none, <unknown> where usage is. */
function ofAmount(percent: number | null, amount: number | null): string {
  return amount === null ? '-' : percentCell(percent);
}

function wideCells(line: PodLine, style: SummaryStyle & { readonly throttling?: boolean }): string[] {
  const row = line.row;
  if (!row) return ['<unknown>', '<unknown>', '', '', '', '', '', ...podSignalHeaders(style.throttling === true).map(() => ''), ''];
  return [
    row.node,
    row.status,
    String(row.restarts),
    ofAmount(row.cpu.percentOfRequest, row.cpu.request),
    ofAmount(row.cpu.percentOfLimit, row.cpu.limit),
    ofAmount(row.memory.percentOfRequest, row.memory.request),
    ofAmount(row.memory.percentOfLimit, row.memory.limit),
    ...podSignalCells(row, style.throttling === true),
    alertSummary(podAlerts(row), style),
  ];
}

function lineCells(line: PodLine, options: PodTableOptions): string[][] {
  const ns = options.allNamespaces ? [line.namespace] : [];
  if (options.containers) {
    return (line.usage?.containers ?? []).map((c) => [...ns, line.name, c.name, cpuCell(c.cpuMilli), memoryCell(c.memoryBytes)]);
  }
  const figures = [cpuCell(line.usage?.cpuMilli ?? null), memoryCell(line.usage?.memoryBytes ?? null)];
  const throttled = plainThrottling(options) ? [line.row ? throttlingCell(line.row) : '<unknown>'] : [];
  return [[...ns, line.name, ...figures, ...throttled, ...(options.wide ? wideCells(line, options) : [])]];
}

function sumRows(lines: readonly PodLine[], lead: number): string[][] {
  let cpu = 0;
  let memory = 0;
  for (const l of lines) {
    cpu += l.usage?.cpuMilli ?? 0;
    memory += l.usage?.memoryBytes ?? 0;
  }
  const blank = Array<string>(lead).fill('');
  return [
    [...blank, '________', '________'],
    [...blank, cpuCell(cpu), memoryCell(memory)],
  ];
}

/** kubectl top pods' columns (and --containers, --sum); wide adds requests, limits and alerts. */
export function topPodsTable(lines: readonly PodLine[], options: PodTableOptions): string {
  const lead = [...(options.allNamespaces ? ['NAMESPACE'] : []), ...(options.containers ? ['POD', 'NAME'] : ['NAME'])];
  const wide =
    options.wide && !options.containers
      ? [
          'NODE',
          'STATUS',
          'RESTARTS',
          'CPU/REQ',
          'CPU/LIM',
          'MEM/REQ',
          'MEM/LIM',
          ...podSignalHeaders(options.throttling === true),
          'ALERTS',
        ]
      : [];
  const header = [...lead, 'CPU(cores)', 'MEMORY(bytes)', ...(plainThrottling(options) ? ['THR(%)'] : []), ...wide];
  const body = lines.flatMap((line) => lineCells(line, options));
  if (options.sum) body.push(...sumRows(lines, lead.length));
  return textTable(options.noHeaders ? null : header, body, fitFor(header, options.maxWidth, PRIORITY));
}
