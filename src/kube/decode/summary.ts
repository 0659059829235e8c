import * as z from 'zod/mini';
import type { CumulativePod, CumulativeSample } from '../../model/cumulative-usage.js';
import type { NetworkCounters } from '../../model/network-rates.js';
import { type PodStats, PodStatsIndex } from '../../model/pod-stats-index.js';
import { nanoToMilli } from '../../model/quantity.js';
import type { ContainerUsage, FsUsage, NodeSummary, PodUsage, ProcessCount } from '../../model/records.js';
import { counter, text, time } from './fields.js';
import { pressureOf, psi } from './pressure.js';

// Kubelet Summary API (stats/v1alpha1). Every stat block is optional on the wire and is read
// leniently: a block with bad numbers becomes unknown instead of failing the whole node.

/** A stat block that is null when absent or unreadable, rather than failing what holds it. */
const lenient = <T extends z.ZodMiniType>(block: T) => z.catch(z.nullish(block), null);

const cpu = lenient(z.object({ time, usageNanoCores: counter, usageCoreNanoSeconds: counter, psi }));
const memory = lenient(z.object({ time, workingSetBytes: counter, psi }));
const io = lenient(z.object({ psi }));
const fs = lenient(
  z.object({ time, capacityBytes: counter, availableBytes: counter, usedBytes: counter, inodes: counter, inodesFree: counter }),
);
const network = lenient(z.object({ time, rxBytes: counter, txBytes: counter, rxErrors: counter, txErrors: counter }));
const ephemeral = lenient(z.object({ time, usedBytes: counter }));

type Cpu = z.infer<typeof cpu>;
type Memory = z.infer<typeof memory>;

function fsUsage(block: z.infer<typeof fs>): FsUsage | null {
  if (!block || block.capacityBytes === null) return null;
  return {
    capacityBytes: block.capacityBytes,
    availableBytes: block.availableBytes,
    usedBytes: block.usedBytes,
    // Left out rather than null when the kubelet does not say.
    inodes: block.inodes ?? undefined,
    inodesFree: block.inodesFree ?? undefined,
    time: block.time ?? undefined,
  };
}

function networkCounters(block: z.infer<typeof network>): NetworkCounters | null {
  if (block?.rxBytes == null || block.txBytes == null) return null;
  return { rxBytes: block.rxBytes, txBytes: block.txBytes, rxErrors: block.rxErrors, txErrors: block.txErrors, time: block.time };
}

function sample(c: Cpu, m: Memory): { cpuNano: number; memoryBytes: number; timestamp: number } | null {
  if (c?.usageNanoCores == null || m?.workingSetBytes == null) return null;
  return { cpuNano: c.usageNanoCores, memoryBytes: m.workingSetBytes, timestamp: Math.max(c.time ?? 0, m.time ?? 0) || Number.NaN };
}

function cumulative(c: Cpu, m: Memory): CumulativeSample {
  return {
    cpuSeconds: c?.usageCoreNanoSeconds == null ? null : c.usageCoreNanoSeconds / 1e9,
    memoryBytes: m?.workingSetBytes ?? null,
    time: c?.time ?? null,
  };
}

const container = z.object({ name: text, cpu, memory });

const pod = z.object({
  podRef: z.object({ name: text, namespace: text }),
  containers: lenient(z.array(container)),
  cpu,
  memory,
  io,
  network,
  'ephemeral-storage': ephemeral,
});

type Pod = z.infer<typeof pod>;

// Pod usage is the sum of its containers, as metrics-server computes it, so the fallback agrees
// with the Metrics API instead of adding the pod cgroup's overhead.
function podUsage(p: Pod): PodUsage | null {
  let cpuNano = 0;
  let memoryBytes = 0;
  let timestamp = 0;
  const containers: ContainerUsage[] = [];
  for (const c of p.containers ?? []) {
    const s = sample(c.cpu, c.memory);
    if (!s) return null;
    cpuNano += s.cpuNano;
    memoryBytes += s.memoryBytes;
    timestamp = Math.max(timestamp, s.timestamp);
    containers.push({ name: c.name, cpuMilli: nanoToMilli(s.cpuNano), memoryBytes: s.memoryBytes });
  }
  if (containers.length === 0) return null;
  return { namespace: p.podRef.namespace, name: p.podRef.name, cpuMilli: nanoToMilli(cpuNano), memoryBytes, timestamp, containers };
}

function podStats(p: Pod): PodStats {
  const disk = p['ephemeral-storage'];
  return {
    namespace: p.podRef.namespace,
    name: p.podRef.name,
    ephemeral: disk?.usedBytes == null ? null : { usedBytes: disk.usedBytes, time: disk.time },
    network: networkCounters(p.network),
    pressure: pressureOf(p.cpu?.psi, p.memory?.psi, p.io?.psi),
  };
}

function podCounters(p: Pod): CumulativePod | null {
  if (!p.containers?.length) return null;
  return {
    namespace: p.podRef.namespace,
    name: p.podRef.name,
    containers: p.containers.map((c) => ({ name: c.name, ...cumulative(c.cpu, c.memory) })),
  };
}

const rlimit = lenient(z.object({ maxpid: counter, curproc: counter }));

function processes(block: z.infer<typeof rlimit>): ProcessCount | null {
  if (!block || block.maxpid === null || block.curproc === null || !(block.maxpid > 0)) return null;
  return { max: block.maxpid, used: block.curproc };
}

export const summarySchema = z.pipe(
  z.object({
    node: z.object({
      nodeName: text,
      cpu,
      memory,
      io,
      fs,
      runtime: lenient(z.object({ imageFs: fs })),
      network,
      rlimit,
    }),
    pods: lenient(z.array(z.catch(z.nullable(pod), null))),
  }),
  z.transform(({ node, pods }): NodeSummary => {
    const s = sample(node.cpu, node.memory);
    const okPods = (pods ?? []).filter((p) => p !== null);
    return {
      nodeName: node.nodeName,
      usage: s && { name: node.nodeName, cpuMilli: nanoToMilli(s.cpuNano), memoryBytes: s.memoryBytes, timestamp: s.timestamp },
      fs: fsUsage(node.fs),
      imageFs: fsUsage(node.runtime?.imageFs),
      network: networkCounters(node.network),
      pods: okPods.map(podUsage).filter((u) => u !== null),
      pressure: pressureOf(node.cpu?.psi, node.memory?.psi, node.io?.psi),
      processes: processes(node.rlimit),
      podStats: PodStatsIndex.of(okPods.map(podStats), node.fs?.time ?? null),
      counters: {
        nodeName: node.nodeName,
        node: cumulative(node.cpu, node.memory),
        pods: okPods.map(podCounters).filter((c) => c !== null),
      },
    };
  }),
);
