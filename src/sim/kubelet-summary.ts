import { hash } from './hash.js';
import { DISK_HOG_SHARE, INODES_USED, THROTTLED_STALL } from './kubelet-scenarios.js';
import {
  containerDisk,
  cpuStats,
  fsStats,
  imagesBytes,
  ioStats,
  memoryStats,
  networkStats,
  nodeFs,
  nodeStall,
  traffic,
} from './kubelet-stats.js';
import { type CpuCounters, cpuCounters, type NodeSample, type PodSample } from './node-sample.js';
import { diskFraction } from './node-state.js';
import { kubeletUid, serviceAccountVolume } from './pod-identity.js';
import { wholeUnits } from './quantity-value.js';
import type { SimWorld } from './sim-world.js';
import { rfc3339 } from './wire-text.js';

// The kubelet's Summary API (GET /stats/summary), computed from the same sample the Metrics API
// reads, so node and pod working sets are equal in both and CPU agrees to the nanocore.

type Fs = ReturnType<typeof nodeFs>;

interface Context {
  readonly world: SimWorld;
  readonly sample: NodeSample;
  readonly counters: CpuCounters;
  readonly fs: Fs;
  /** false for ?only_cpu_and_memory=true */
  readonly full: boolean;
}

const ETC_HOSTS = 4096;

export interface Traffic {
  readonly rx: number;
  readonly tx: number;
}

export function nodeTraffic(world: SimWorld, sample: NodeSample): Traffic {
  return traffic(world.layout.seed, sample.node.index, sample.node.bootAt, sample.times.at, 900_000);
}

/** Host-network pods see the node's interface, as in the captured summary. */
export function podTraffic(world: SimWorld, sample: NodeSample, p: PodSample): Traffic {
  if (p.pod.workload.hostNetwork) return nodeTraffic(world, sample);
  return traffic(world.layout.seed, p.pod.slot + 1e6, p.life.createdAt, sample.times.at, 40_000);
}

export function nodeFilesystem(world: SimWorld, sample: NodeSample): Fs {
  const { index } = sample.node;
  const inodes = world.kubelet.inodesNode === index ? INODES_USED : undefined;
  return nodeFs(sample.node, diskFraction(world.layout, world.scenarios, index, sample.times.at - 2000), inodes);
}

/** The pod's ephemeral-storage limit: the sum of its containers' (the kubelet's eviction arithmetic). */
function ephemeralLimit(p: PodSample): number {
  return p.pod.workload.containers.reduce(
    (sum, c) => sum + (c.limits?.['ephemeral-storage'] ? wholeUnits(c.limits['ephemeral-storage']) : 0),
    0,
  );
}

/** A container's writable layer and log; the disk hog's first container spools its batches to its layer. */
function diskOf(ctx: Context, p: PodSample, index: number, startedAt: number): { rootfs: number; logs: number } {
  const disk = containerDisk(ctx.world.layout.seed, p.pod, index, startedAt, ctx.sample.times.at);
  if (p.pod.slot !== ctx.world.kubelet.diskHogSlot || index !== 0) return disk;
  const target = Math.floor((ephemeralLimit(p) * DISK_HOG_SHARE) / 4096) * 4096;
  return { rootfs: Math.max(disk.rootfs, target - disk.logs - ETC_HOSTS), logs: disk.logs };
}

/** The throttled pod's tasks stall for CPU; elsewhere pods run freely. */
function podStall(ctx: Context, p: PodSample): number {
  return p.pod.slot === ctx.world.kubelet.throttledSlot ? THROTTLED_STALL : 0;
}

function limitOf(memory: string | undefined): number | null {
  return memory ? wholeUnits(memory) : null;
}

function podMemoryLimit(p: PodSample): number | null {
  const limits = p.pod.workload.containers.map((c) => limitOf(c.limits?.memory));
  return limits.every((l) => l !== null) ? limits.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
}

function containers(ctx: Context, p: PodSample) {
  const { at } = ctx.sample.times;
  const seed = ctx.world.layout.seed;
  return p.life.containers.flatMap((life, i) => {
    const usage = p.containers[i];
    const template = p.pod.workload.containers[i];
    if (!usage || !template || life.state.kind !== 'running') return [];
    const key = hash(seed, 90, p.pod.slot, i);
    const startedAt = life.state.startedAt;
    const base = {
      name: template.name,
      startTime: rfc3339(startedAt),
      cpu: cpuStats(at, usage.cpuNanoCores, ctx.counters.container(p, i), i === 0 ? podStall(ctx, p) : 0),
      memory: memoryStats(at, usage.workingSetBytes, limitOf(template.limits?.memory), key, at - startedAt),
    };
    if (!ctx.full) return [base];
    const disk = diskOf(ctx, p, i, startedAt);
    return [
      {
        ...base,
        io: ioStats(at, key),
        rootfs: fsStats(at, ctx.fs, disk.rootfs, 24 + (key % 400)),
        logs: fsStats(at, ctx.fs, disk.logs, 1),
      },
    ];
  });
}

/** Writable layers and logs of the running containers, plus the pod's etc-hosts file. */
function ephemeralUse(ctx: Context, p: PodSample): number {
  return p.life.containers.reduce((sum, life, i) => {
    if (life.state.kind !== 'running') return sum;
    const disk = diskOf(ctx, p, i, life.state.startedAt);
    return sum + disk.rootfs + disk.logs;
  }, ETC_HOSTS);
}

function serviceAccountVolumeStats(ctx: Context, p: PodSample) {
  const capacity = 52_428_800;
  const shape = { capacity, available: capacity - 12_288, inodes: 1_003_038, inodesFree: 1_003_029 };
  return { ...fsStats(ctx.sample.times.at - 9000, shape, 12_288, 9), name: serviceAccountVolume(ctx.world.layout, p.pod) };
}

function podStats(ctx: Context, p: PodSample) {
  const { at } = ctx.sample.times;
  const key = hash(ctx.world.layout.seed, 91, p.pod.slot);
  const core = {
    podRef: { name: p.life.name, namespace: p.pod.workload.namespace, uid: kubeletUid(ctx.world.layout, p.pod, p.life) },
    startTime: rfc3339(p.life.createdAt),
    containers: containers(ctx, p),
    cpu: cpuStats(
      at,
      p.containers.reduce((sum, c) => sum + (c?.cpuNanoCores ?? 0), 0),
      ctx.counters.pod(p),
      podStall(ctx, p),
    ),
    memory: memoryStats(at, p.workingSetBytes, podMemoryLimit(p), key, at - p.life.createdAt),
  };
  if (!ctx.full) return core;
  const net = podTraffic(ctx.world, ctx.sample, p);
  const volume = p.pod.workload.kind === 'Node' ? [] : [serviceAccountVolumeStats(ctx, p)];
  return {
    ...core,
    io: ioStats(at, key),
    network: networkStats(at, p.pod.workload.hostNetwork ? 'ens4' : 'eth0', net.rx, net.tx),
    ...(volume.length > 0 ? { volume } : {}),
    'ephemeral-storage': fsStats(at, ctx.fs, ephemeralUse(ctx, p), 26 + (key % 300)),
    process_stats: { process_count: 1 + (key % 12) },
  };
}

function nodeStats(ctx: Context) {
  const { world, sample, fs } = ctx;
  const { node } = sample;
  const at = sample.times.at;
  const memoryBytes = node.machine.memoryKi * 1024;
  const busy = sample.cpuNanoCores / (node.machine.cpuCores * 1e9);
  const key = hash(world.layout.seed, 92, node.index);
  const podsCpu = sample.pods.reduce((s, p) => s + p.containers.reduce((c, u) => c + (u?.cpuNanoCores ?? 0), 0), 0);
  const podsMemory = sample.pods.reduce((s, p) => s + p.workingSetBytes, 0);
  const uptime = at - node.bootAt;
  const system = (name: string, cpu: number, memory: number) => ({
    name,
    startTime: rfc3339(node.bootAt + 9000),
    cpu: cpuStats(at, Math.round(cpu), Math.round((cpu * uptime) / 1000), 0),
    memory: memoryStats(at, Math.floor(memory / 4096) * 4096, null, key + name.length, uptime),
  });
  const core = {
    nodeName: node.name,
    systemContainers: [
      system('kubelet', sample.system.cpuNanoCores * 0.35, sample.system.workingSetBytes * 0.12),
      system('pods', podsCpu, podsMemory),
    ],
    startTime: rfc3339(node.bootAt),
    cpu: cpuStats(at, sample.cpuNanoCores, ctx.counters.node, nodeStall(busy)),
    memory: { ...memoryStats(at, sample.workingSetBytes, memoryBytes, key, uptime), availableBytes: memoryBytes - sample.workingSetBytes },
  };
  if (!ctx.full) return core;
  const net = nodeTraffic(world, sample);
  const images = imagesBytes(world.layout.seed, node);
  const fsAt = at - 2000;
  const imageFs = fsStats(fsAt, fs, images, 43_000 + (key % 9000));
  return {
    ...core,
    io: ioStats(at, key),
    network: networkStats(at, 'ens4', net.rx, net.tx, [{ name: 'cni0' }]),
    fs: fsStats(fsAt, fs, fs.used, fs.inodesUsed),
    runtime: { imageFs, containerFs: imageFs },
    rlimit: { time: rfc3339(at + 3000), maxpid: 4_194_304, curproc: 280 + 14 * sample.pods.length },
  };
}

/** The Summary object; `onlyCpuAndMemory` is the kubelet's ?only_cpu_and_memory=true form. */
export function kubeletSummary(world: SimWorld, sample: NodeSample, onlyCpuAndMemory: boolean) {
  const ctx: Context = { world, sample, counters: cpuCounters(world, sample), fs: nodeFilesystem(world, sample), full: !onlyCpuAndMemory };
  const summary = { node: nodeStats(ctx), pods: sample.pods.map((p) => podStats(ctx, p)) };
  return world.kubelet.psi(sample.node.index) ? summary : withoutPressure(summary);
}

/** A stat-holding object as a kubelet without PSI writes it: no `psi` in any cpu or memory block, no `io` block. */
function withoutPressure<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPressure) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (key !== 'psi' && key !== 'io') out[key] = withoutPressure(inner);
  return out as T;
}
