import type { Rng } from './hash.js';

export interface MachineType {
  readonly name: string;
  readonly cpuCores: number;
  readonly allocatableCpuMilli: number;
  readonly memoryKi: number;
  readonly allocatableMemoryKi: number;
  readonly storageKi: number;
  /** Allocatable ephemeral storage is written in plain bytes on real clouds. */
  readonly allocatableStorageBytes: number;
}

function machine(name: string, cpuCores: number, memoryKi: number, storageKi: number): MachineType {
  const reservedMilli = cpuCores <= 4 ? 80 : cpuCores <= 8 ? 90 : 110 + cpuCores * 2;
  return {
    name,
    cpuCores,
    allocatableCpuMilli: cpuCores * 1000 - reservedMilli,
    memoryKi,
    // kube-reserved plus the 100Mi hard eviction threshold.
    allocatableMemoryKi: Math.round(memoryKi * 0.94) - 102400,
    storageKi,
    allocatableStorageBytes: Math.round(storageKi * 1024 * 0.9) - 7,
  };
}

const SIZES: readonly MachineType[] = [
  machine('n2-standard-4', 4, 16374584, 101430960),
  machine('n2-standard-8', 8, 32863252, 101430960),
  machine('n2-standard-16', 16, 65844948, 203070420),
  machine('n2-standard-32', 32, 131897580, 203070420),
];

/** The smallest machine that fits, sometimes one size up. */
export function pickMachine(cpuMilli: number, memoryBytes: number, rng: Rng): MachineType {
  const fits = SIZES.findIndex((m) => m.allocatableCpuMilli >= cpuMilli && m.allocatableMemoryKi * 1024 >= memoryBytes);
  const index = fits === -1 ? SIZES.length - 1 : fits;
  const upsized = rng.next() < 0.15 ? Math.min(index + 1, SIZES.length - 1) : index;
  const chosen = SIZES[upsized];
  if (!chosen) throw new Error(`no machine size ${upsized}`);
  return chosen;
}
