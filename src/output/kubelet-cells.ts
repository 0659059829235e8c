import type { Figure } from '../model/figure.js';
import type { NodeRow } from '../model/node-row.js';
import type { PodRow } from '../model/pod-row.js';
import { PRESSURE_RESOURCES, worstPressure } from '../model/pressure.js';
import { formatRxTx } from '../model/rate-units.js';
import type { AlertPart } from './alert-summary.js';
import { percentCell } from './top-figures.js';

// `kmon top -o wide`'s columns for what the kubelet knows beyond CPU, memory and disk bytes, and
// their parts of the ALERTS column. `<none>` where the kubelet does not report a figure (PSI before
// 1.34), `<unknown>` where it was not read, `-` where the pod sets no limit or request.

// Rates need two reads: NET only with --network, THR only with --throttling.
export const nodeSignalHeaders = (network: boolean) => ['PSI(%)', 'INODES(%)', 'PIDS(%)', ...(network ? ['NET(rx/tx)'] : [])];
export const podSignalHeaders = (throttling: boolean) => [...(throttling ? ['THR(%)'] : []), 'EPH(%)'];

const figure = (f: Figure | null) => (f ? percentCell(f.percent) : '<unknown>');

/** "75/0/0": cpu, memory and io pressure, some avg10. */
function pressureCell(row: NodeRow): string {
  const { pressure } = row.signals;
  if (!pressure) return row.diskAt === null ? '<unknown>' : '<none>';
  return PRESSURE_RESOURCES.map((r) => (pressure[r] ? String(Math.trunc(pressure[r].some.avg10)) : '-')).join('/');
}

/** NET(rx/tx): bytes a second between the two reads --network asks for. */
export function netCell(row: NodeRow): string {
  const rates = row.signals.network;
  return rates ? formatRxTx(rates.rxBytesPerSecond, rates.txBytesPerSecond) : '<unknown>';
}

export function nodeSignalCells(row: NodeRow, network: boolean): string[] {
  const { inodes, imageInodes, pids } = row.signals;
  const worstInodes = imageInodes && (imageInodes.percent ?? 0) > (inodes?.percent ?? 0) ? imageInodes : inodes;
  return [pressureCell(row), figure(worstInodes), figure(pids), ...(network ? [netCell(row)] : [])];
}

// As the ALERTS column words the others: "disk 93%", "cpu 95% of limit".
const pct = (p: number | null | undefined) => `${Math.trunc(p ?? 0)}%`;

export function nodeSignalAlerts(row: NodeRow): AlertPart[] {
  const { inodes, imageInodes, pids, pressure, pressureLevel } = row.signals;
  const worst = worstPressure(pressure);
  return [
    { level: inodes?.level ?? 'ok', label: `inodes ${pct(inodes?.percent)}` },
    { level: imageInodes?.level ?? 'ok', label: `imagefs inodes ${pct(imageInodes?.percent)}` },
    { level: pids?.level ?? 'ok', label: `pids ${pct(pids?.percent)}` },
    { level: pressureLevel, label: `${worst?.resource ?? ''} pressure ${pct(worst?.percent)}` },
  ];
}

/** THR(%): only a CPU limit (a CFS quota) can throttle a container. */
export function throttlingCell(row: PodRow): string {
  const { throttling } = row.signals;
  return throttling ? percentCell(throttling.percent) : row.cpu.limit === null ? '-' : '<unknown>';
}

export function podSignalCells(row: PodRow, throttling: boolean): string[] {
  const { ephemeral } = row.signals;
  const eph = !ephemeral ? '<unknown>' : ephemeral.total === null ? '-' : percentCell(ephemeral.percent);
  return [...(throttling ? [throttlingCell(row)] : []), eph];
}

export function podSignalAlerts(row: PodRow): AlertPart[] {
  const { throttling, ephemeral } = row.signals;
  return [
    { level: throttling?.level ?? 'ok', label: `throttled ${pct(throttling?.percent)}` },
    { level: ephemeral?.level ?? 'ok', label: `ephemeral ${pct(ephemeral?.percent)} of ${ephemeral?.base ?? 'limit'}` },
  ];
}
