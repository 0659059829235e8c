import type { CumulativeSample, CumulativeUsage } from './cumulative-usage.js';
import { nanoToMilli } from './quantity.js';
import type { ContainerUsage, NodeUsage, PodUsage } from './records.js';

// CPU and memory from two reads of cumulative counters, as metrics-server makes them from the
// kubelet's /metrics/resource: CPU is the counter's difference over the time between the two
// samples, memory the later working set; a pod is the sum of its containers.

export interface UsageBetween {
  readonly node: NodeUsage | null;
  readonly pods: readonly PodUsage[];
}

interface Fetched {
  readonly before: number;
  readonly after: number;
}

/** Nanocores between two samples, or null when a counter went back (a restart) or no time passed. */
function rate(before: CumulativeSample | undefined, after: CumulativeSample, fetched: Fetched): number | null {
  if (!before || before.cpuSeconds === null || after.cpuSeconds === null) return null;
  const seconds = ((after.time ?? fetched.after) - (before.time ?? fetched.before)) / 1000;
  const used = after.cpuSeconds - before.cpuSeconds;
  if (!(seconds > 0) || used < 0) return null;
  return Math.round((used / seconds) * 1e9);
}

export function usageBetween(before: CumulativeUsage | null, after: CumulativeUsage, fetched: Fetched): UsageBetween {
  const nodeNano = after.node ? rate(before?.node ?? undefined, after.node, fetched) : null;
  const node =
    after.node && nodeNano !== null && after.node.memoryBytes !== null
      ? {
          name: after.nodeName,
          cpuMilli: nanoToMilli(nodeNano),
          memoryBytes: after.node.memoryBytes,
          timestamp: after.node.time ?? fetched.after,
        }
      : null;
  const earlier = new Map((before?.pods ?? []).map((p) => [`${p.namespace}/${p.name}`, p]));
  const pods: PodUsage[] = [];
  for (const pod of after.pods) {
    const was = earlier.get(`${pod.namespace}/${pod.name}`);
    if (!was || pod.containers.length === 0) continue;
    const containers: ContainerUsage[] = [];
    let nano = 0;
    let memory = 0;
    let timestamp = 0;
    for (const c of pod.containers) {
      const cpu = rate(
        was.containers.find((w) => w.name === c.name),
        c,
        fetched,
      );
      if (cpu === null || c.memoryBytes === null) break;
      containers.push({ name: c.name, cpuMilli: nanoToMilli(cpu), memoryBytes: c.memoryBytes });
      nano += cpu;
      memory += c.memoryBytes;
      timestamp = Math.max(timestamp, c.time ?? fetched.after);
    }
    // As metrics-server does: a pod with a container it cannot measure is left out, not undercounted.
    if (containers.length !== pod.containers.length) continue;
    pods.push({ namespace: pod.namespace, name: pod.name, cpuMilli: nanoToMilli(nano), memoryBytes: memory, timestamp, containers });
  }
  return { node, pods };
}
