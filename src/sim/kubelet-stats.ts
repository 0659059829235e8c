import type { NodeSpec, PodSlot } from './cluster-layout.js';
import { between, hash } from './hash.js';
import { rfc3339 } from './wire-text.js';

// The stat blocks of the Summary API (stats/v1alpha1), shaped like kubelet v1.35's, PSI included.

const GiB = 1024 ** 3;
const RESERVED = 0.05;
const LOG_ROTATE = 10 * 1024 * 1024;

export function psi(total: number, avg10: number) {
  const round = (x: number) => Math.round(x * 100) / 100;
  const some = { total: Math.round(total), avg10: round(avg10), avg60: round(avg10 * 0.8), avg300: round(avg10 * 0.6) };
  return { full: { ...some, total: Math.round(total * 0.9), avg10: round(avg10 * 0.9) }, some };
}

/** `stall`: the share of the last 10 s some task waited for CPU, in percent (PSI some avg10). */
export function cpuStats(time: number, usageNanoCores: number, usageCoreNanoSeconds: number, stall: number) {
  return {
    time: rfc3339(time),
    usageNanoCores,
    usageCoreNanoSeconds,
    psi: psi(usageCoreNanoSeconds / 1e5, stall),
  };
}

/** A node's CPU stall: none below 60% busy, then rising as runnable tasks queue. */
export function nodeStall(busy: number): number {
  return Math.max(0, (busy - 0.6) * 60);
}

/** availableBytes only when there is a limit, as the kubelet omits it otherwise. */
export function memoryStats(time: number, workingSet: number, limit: number | null, key: number, running: number) {
  const cache = Math.floor((workingSet * between(0.05, 0.3, key, 1)) / 4096) * 4096;
  const usage = limit === null ? workingSet + cache : Math.min(limit, workingSet + cache);
  return {
    time: rfc3339(time),
    ...(limit === null ? {} : { availableBytes: Math.max(0, limit - workingSet) }),
    usageBytes: usage,
    workingSetBytes: workingSet,
    rssBytes: Math.floor((workingSet * between(0.7, 0.95, key, 2)) / 4096) * 4096,
    pageFaults: Math.round((running / 1000) * between(2, 40, key, 3)),
    majorPageFaults: hash(key, 4) % 40,
    psi: psi(0, 0),
  };
}

export function ioStats(time: number, key: number) {
  return { time: rfc3339(time), psi: psi(hash(key, 5) % 200_000, 0) };
}

export interface FsShape {
  readonly capacity: number;
  readonly available: number;
  readonly inodes: number;
  readonly inodesFree: number;
}

export function fsStats(time: number, fs: FsShape, used: number, inodesUsed: number) {
  return {
    time: rfc3339(time),
    availableBytes: fs.available,
    capacityBytes: fs.capacity,
    usedBytes: used,
    inodesFree: fs.inodesFree,
    inodes: fs.inodes,
    inodesUsed,
  };
}

/**
 * The node filesystem at a given disk use (1 − available/capacity). Ext4 keeps 5% reserved for
 * root, so usedBytes/capacity is that much below the eviction view, as on a real node.
 */
export function nodeFs(node: NodeSpec, fraction: number, inodesShare?: number): FsShape & { used: number; inodesUsed: number } {
  const capacity = node.machine.storageKi * 1024;
  const available = Math.round(capacity * (1 - fraction));
  const inodes = Math.floor(capacity / 16384);
  // Unless told (a node of many small files), inodes go with the bytes, far below them.
  const inodesUsed = Math.round(inodes * (inodesShare ?? fraction * 0.22));
  return { capacity, available, used: Math.round(capacity * (fraction - RESERVED)), inodes, inodesFree: inodes - inodesUsed, inodesUsed };
}

/** Image layers on the same disk (the usual containerd layout: imageFs shares the node fs). */
export function imagesBytes(seed: number, node: NodeSpec): number {
  return Math.round(between(3.5, 11, seed, 80, node.index) * GiB);
}

export function networkStats(time: number, name: string, rx: number, tx: number, extra: readonly { name: string }[] = []) {
  const iface = { name, rxBytes: Math.round(rx), rxErrors: 0, txBytes: Math.round(tx), txErrors: 0 };
  return {
    time: rfc3339(time),
    ...iface,
    interfaces: [...extra.map((e) => ({ name: e.name, rxBytes: 0, rxErrors: 0, txBytes: 0, txErrors: 0 })), iface],
  };
}

/** Bytes moved since `since`: a steady rate per object. */
export function traffic(seed: number, key: number, since: number, at: number, scale: number): { rx: number; tx: number } {
  const seconds = Math.max(0, at - since) / 1000;
  return { rx: seconds * scale * between(0.5, 2, seed, 81, key), tx: seconds * scale * between(0.2, 1, seed, 82, key) };
}

/** A container's writable layer and its log, which grows until the kubelet rotates it at 10 MiB. */
export function containerDisk(seed: number, pod: PodSlot, index: number, startedAt: number, at: number): { rootfs: number; logs: number } {
  const rootfs = 4096 * (1 + (hash(seed, 83, pod.slot, index) % 12_000));
  const rate = between(20, 600, seed, 84, pod.slot, index);
  const written = Math.floor((Math.max(0, at - startedAt) / 1000) * rate);
  return { rootfs, logs: 4096 * Math.ceil((written % LOG_ROTATE) / 4096) };
}
