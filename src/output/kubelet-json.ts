import type { Figure } from '../model/figure.js';
import type { NodeSignals } from '../model/node-signals.js';
import type { PodSignals } from '../model/pod-signals.js';
import { PRESSURE_RESOURCES, type Stall } from '../model/pressure.js';
import { jsonPercent } from './top-figures.js';

// What the kubelet knows beyond CPU, memory and disk bytes, as `kmon top -o json` gives it: null
// wherever it was not reported (a kubelet without PSI, a pod without a limit) or not read.

function stallJson(stall: Stall | null) {
  return stall ? { someAvg10: stall.some.avg10, fullAvg10: stall.full?.avg10 ?? null } : null;
}

function countJson(f: Figure | null, totalKey: 'capacity' | 'max') {
  return f ? { used: f.used, [totalKey]: f.total, percent: jsonPercent(f.percent), level: f.level } : null;
}

export function nodeSignalsJson(signals: NodeSignals) {
  const { pressure, network } = signals;
  return {
    psi: pressure ? Object.fromEntries(PRESSURE_RESOURCES.map((r) => [r, stallJson(pressure[r])])) : null,
    inodes: countJson(signals.inodes, 'capacity'),
    imageFsInodes: countJson(signals.imageInodes, 'capacity'),
    pids: countJson(signals.pids, 'max'),
    network: network
      ? {
          rxBytesPerSecond: Math.round(network.rxBytesPerSecond),
          txBytesPerSecond: Math.round(network.txBytesPerSecond),
          rxErrorsPerSecond: network.rxErrorsPerSecond,
          txErrorsPerSecond: network.txErrorsPerSecond,
        }
      : null,
  };
}

export function podEphemeralJson(signals: PodSignals | null) {
  const eph = signals?.ephemeral;
  if (!eph) return null;
  return { usedBytes: eph.used, limitBytes: eph.total, of: eph.base, percent: jsonPercent(eph.percent), level: eph.level };
}

export function throttledPercentJson(signals: PodSignals | null): number | null {
  return jsonPercent(signals?.throttling?.percent ?? null);
}
