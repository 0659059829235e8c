import * as z from 'zod/mini';
import { nanoToMilli } from '../../model/quantity.js';
import type { ContainerUsage, FsUsage, NodeSummary, PodUsage } from '../../model/records.js';
import { counter, text, time } from './fields.js';

// Kubelet Summary API (stats/v1alpha1). Every stat block is optional on the wire and is read
// leniently: a block with bad numbers becomes unknown instead of failing the whole node.

/** A stat block that is null when absent or unreadable, rather than failing what holds it. */
const lenient = <T extends z.ZodMiniType>(block: T) => z.catch(z.nullish(block), null);

const cpu = lenient(z.object({ time, usageNanoCores: counter }));
const memory = lenient(z.object({ time, workingSetBytes: counter }));
const fs = lenient(
  z.object({ time, capacityBytes: counter, availableBytes: counter, usedBytes: counter, inodes: counter, inodesFree: counter }),
);

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

function sample(c: Cpu, m: Memory): { cpuNano: number; memoryBytes: number; timestamp: number } | null {
  if (c?.usageNanoCores == null || m?.workingSetBytes == null) return null;
  return { cpuNano: c.usageNanoCores, memoryBytes: m.workingSetBytes, timestamp: Math.max(c.time ?? 0, m.time ?? 0) || Number.NaN };
}

const container = z.object({ name: text, cpu, memory });

const pod = z.object({
  podRef: z.object({ name: text, namespace: text }),
  containers: lenient(z.array(container)),
});

// Pod usage is the sum of its containers, as metrics-server computes it, so the fallback agrees
// with the Metrics API instead of adding the pod cgroup's overhead.
function podUsage(p: z.infer<typeof pod>): PodUsage | null {
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

export const summarySchema = z.pipe(
  z.object({
    node: z.object({
      nodeName: text,
      cpu,
      memory,
      fs,
      runtime: lenient(z.object({ imageFs: fs })),
      network: lenient(z.object({ rxBytes: counter, txBytes: counter })),
    }),
    pods: lenient(z.array(z.catch(z.nullable(pod), null))),
  }),
  z.transform(({ node, pods }): NodeSummary => {
    const s = sample(node.cpu, node.memory);
    const okPods = (pods ?? []).filter((p) => p !== null);
    const network = node.network;
    return {
      nodeName: node.nodeName,
      usage: s && { name: node.nodeName, cpuMilli: nanoToMilli(s.cpuNano), memoryBytes: s.memoryBytes, timestamp: s.timestamp },
      fs: fsUsage(node.fs),
      imageFs: fsUsage(node.runtime?.imageFs),
      network: network?.rxBytes != null && network.txBytes != null ? { rxBytes: network.rxBytes, txBytes: network.txBytes } : null,
      pods: okPods.map(podUsage).filter((u) => u !== null),
    };
  }),
);
