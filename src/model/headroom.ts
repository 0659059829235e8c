import { type EvictionPolicy, type EvictionSignal, evictionText } from './eviction.js';
import { type FillForecast, type FillResource, fullText } from './fill-forecast.js';
import { formatBytes } from './format-units.js';
import { formatTimeLeft } from './time-left.js';

// How far a node's resources are from the kubelet's eviction line, in words for the node detail.

const SIGNAL: Readonly<Record<FillResource, EvictionSignal>> = {
  'node fs': 'nodefs.available',
  'image fs': 'imagefs.available',
  inodes: 'nodefs.inodesFree',
  memory: 'memory.available',
};

function amount(f: FillForecast, n: number): string {
  if (f.resource !== 'inodes') return `${formatBytes(n)}B`;
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M inodes` : n >= 1e4 ? `${Math.round(n / 1e3)}k inodes` : `${Math.round(n)} inodes`;
}

/** "kubelet" or "defaults: configz forbidden (needs get nodes/proxy)": where the thresholds came from. */
export function evictionSource(policy: EvictionPolicy): string {
  return policy.source === 'kubelet' ? 'kubelet' : `defaults: ${policy.why}`;
}

/**
 * "7.2GiB to eviction at 90%, in 25m (nodefs.available<10%, kubelet)", "evicting: past
 * nodefs.available<10% (kubelet)", or that the kubelet has no threshold for it.
 */
export function headroomText(f: FillForecast, policy: EvictionPolicy): string {
  const signal = SIGNAL[f.resource];
  const source = evictionSource(policy);
  if (f.evictionAt === null) return `no eviction threshold (${source})`;
  const rule = evictionText(signal, policy.hard[signal], (n) => amount(f, n).replace(/B$/, ''));
  if (f.percent >= f.evictionAt) return `evicting: past ${rule} (${source})`;
  const left = ((f.evictionAt - f.percent) / 100) * f.capacity;
  const when = f.evictionInMs === null ? '' : `, in ${formatTimeLeft(f.evictionInMs)}`;
  return `${amount(f, left)} to eviction at ${Math.trunc(f.evictionAt)}%${when} (${rule}, ${source})`;
}

/** "node fs 93%  full in 43m (+1.2 GiB/min)  ·  7.2GiB to eviction…": one resource in one line. */
export function forecastLine(f: FillForecast, policy: EvictionPolicy, separator: string): string {
  const trend = f.fullInMs !== null ? fullText(f).slice(f.resource.length + 1) : f.perMinute === null ? 'no trend yet' : 'not filling';
  return `${f.resource.padEnd(8)} ${`${Math.trunc(f.percent)}%`.padStart(4)}  ${trend}  ${separator} ${headroomText(f, policy)}`;
}
