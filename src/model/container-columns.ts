import { formatAge } from './age.js';
import type { Column } from './columns.js';
import { formatBytes, formatCpuAmount } from './format-units.js';
import type { ContainerInfo, ContainerUsage } from './records.js';

/** One line of a pod's container table: the container, and what it uses now (null without metrics). */
export interface ContainerLine {
  readonly container: ContainerInfo;
  readonly usage: ContainerUsage | null;
}

const amount = (value: number | null, format: (n: number) => string) => (value === null ? '-' : format(value));

function lastExit({ lastTermination: last }: ContainerInfo, now: number): string {
  if (!last) return '-';
  const reason = last.reason || `exit ${last.exitCode}`;
  return last.finishedAt === null ? reason : `${reason} ${formatAge(now - last.finishedAt)} ago`;
}

function column(
  id: string,
  title: string,
  layout: { readonly align: 'left' | 'right'; readonly priority: number; readonly minWidth?: number; readonly maxWidth: number },
  text: (line: ContainerLine, now: number) => string,
): Column<ContainerLine> {
  return {
    id,
    title,
    fitContent: true,
    minWidth: layout.minWidth ?? title.length,
    ...layout,
    cell: (line, ctx) => {
      const shown = text(line, ctx.now);
      return { text: shown, level: 'ok', dim: shown === '-' };
    },
  };
}

/** The container table of a pod's detail; narrow terminals drop the lowest priorities first. */
export const CONTAINER_COLUMNS: readonly Column<ContainerLine>[] = [
  column('name', 'NAME', { align: 'left', priority: 100, minWidth: 8, maxWidth: 40 }, (l) => l.container.name),
  column('state', 'STATE', { align: 'left', priority: 90, minWidth: 24, maxWidth: 40 }, ({ container: c }) =>
    c.stateReason ? `${c.state}:${c.stateReason}` : c.state,
  ),
  column('ready', 'READY', { align: 'left', priority: 60, maxWidth: 5 }, (l) => (l.container.ready ? 'yes' : 'no')),
  column('restarts', 'RESTARTS', { align: 'right', priority: 80, maxWidth: 8 }, (l) => String(l.container.restarts)),
  column('last-exit', 'LAST EXIT', { align: 'left', priority: 70, minWidth: 16, maxWidth: 30 }, (l, now) => lastExit(l.container, now)),
  column('cpu', 'CPU', { align: 'right', priority: 85, minWidth: 5, maxWidth: 8 }, (l) =>
    amount(l.usage?.cpuMilli ?? null, formatCpuAmount),
  ),
  column('cpu-req-lim', 'CPU REQ/LIM', { align: 'right', priority: 50, maxWidth: 15 }, ({ container: c }) =>
    [c.requests.cpuMilli, c.limits.cpuMilli].map((v) => amount(v, formatCpuAmount)).join('/'),
  ),
  column('mem', 'MEM', { align: 'right', priority: 85, minWidth: 6, maxWidth: 8 }, (l) =>
    amount(l.usage?.memoryBytes ?? null, formatBytes),
  ),
  column('mem-req-lim', 'MEM REQ/LIM', { align: 'right', priority: 50, maxWidth: 17 }, ({ container: c }) =>
    [c.requests.memoryBytes, c.limits.memoryBytes].map((v) => amount(v, formatBytes)).join('/'),
  ),
];
