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

export const NODE_SIGNAL_HEADERS = ['PSI(%)', 'INODES(%)', 'PIDS(%)', 'NET(rx/tx)'] as const;
export const POD_SIGNAL_HEADERS = ['THR(%)', 'EPH(%)'] as const;

const figure = (f: Figure | null) => (f ? percentCell(f.percent) : '<unknown>');

/** "75/0/0": cpu, memory and io pressure, some avg10. */
function pressureCell(row: NodeRow): string {
  const { pressure } = row.signals;
  if (!pressure) return row.diskAt === null ? '<unknown>' : '<none>';
  return PRESSURE_RESOURCES.map((r) => (pressure[r] ? String(Math.trunc(pressure[r].some.avg10)) : '-')).join('/');
}

export function nodeSignalCells(row: NodeRow): string[] {
  const { inodes, imageInodes, pids, network } = row.signals;
  const worstInodes = imageInodes && (imageInodes.percent ?? 0) > (inodes?.percent ?? 0) ? imageInodes : inodes;
  return [
    pressureCell(row),
    figure(worstInodes),
    figure(pids),
    network ? formatRxTx(network.rxBytesPerSecond, network.txBytesPerSecond) : '<unknown>',
  ];
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

export function podSignalCells(row: PodRow): string[] {
  const { throttling, ephemeral } = row.signals;
  return [
    // Only a CPU limit (a CFS quota) can throttle a container.
    throttling ? percentCell(throttling.percent) : row.cpu.limit === null ? '-' : '<unknown>',
    !ephemeral ? '<unknown>' : ephemeral.total === null ? '-' : percentCell(ephemeral.percent),
  ];
}

export function podSignalAlerts(row: PodRow): AlertPart[] {
  const { throttling, ephemeral } = row.signals;
  return [
    { level: throttling?.level ?? 'ok', label: `throttled ${pct(throttling?.percent)}` },
    { level: ephemeral?.level ?? 'ok', label: `ephemeral ${pct(ephemeral?.percent)} of ${ephemeral?.base ?? 'limit'}` },
  ];
}
