import type { FsUsage } from './records.js';

export interface DiskFigure {
  readonly usedBytes: number;
  readonly capacityBytes: number;
  readonly percent: number;
}

/**
 * Disk use as the kubelet's eviction sees it: 1 − available/capacity, so blocks reserved for root
 * count as used. used/capacity only when the kubelet did not report availableBytes.
 */
export function diskFigure(fs: FsUsage | null): DiskFigure | null {
  if (!fs || !(fs.capacityBytes > 0)) return null;
  const { capacityBytes, availableBytes, usedBytes } = fs;
  if (availableBytes !== null) {
    const used = Math.max(0, capacityBytes - availableBytes);
    return { usedBytes: used, capacityBytes, percent: (used / capacityBytes) * 100 };
  }
  if (usedBytes === null) return null;
  return { usedBytes, capacityBytes, percent: (usedBytes / capacityBytes) * 100 };
}

/** Inodes used, percent: where the kubelet reports them. */
export function inodePercent(fs: FsUsage | null): number | null {
  if (!fs || fs.inodes == null || fs.inodesFree == null || !(fs.inodes > 0)) return null;
  return (1 - fs.inodesFree / fs.inodes) * 100;
}

// Many nodes keep images on the root filesystem; the kubelet then reports the same figures twice.
export function sameFilesystem(a: FsUsage | null, b: FsUsage | null): boolean {
  return a !== null && b !== null && a.capacityBytes === b.capacityBytes && a.availableBytes === b.availableBytes;
}
