import type { NodeSpec, PodSlot } from './cluster-layout.js';
import { nodeDown } from './node-state.js';
import type { PodLife } from './pod-life.js';
import type { SimWorld } from './sim-world.js';
import type { ContainerUsage, SampleTimes } from './usage-model.js';

export interface PodSample {
  readonly pod: PodSlot;
  readonly life: PodLife;
  /** Per container in spec order; null where no container is running. */
  readonly containers: readonly (ContainerUsage | null)[];
  readonly workingSetBytes: number;
  /** metrics-server lists a pod only when each container has two data points. */
  readonly inMetricsApi: boolean;
}

export interface NodeSample {
  readonly node: NodeSpec;
  readonly k: number;
  readonly times: SampleTimes;
  /** The kubelet, runtime and OS, beyond the pods. */
  readonly system: { readonly cpuNanoCores: number; readonly workingSetBytes: number };
  readonly cpuNanoCores: number;
  readonly workingSetBytes: number;
  readonly inMetricsApi: boolean;
  /** Pods running at the sample. */
  readonly pods: readonly PodSample[];
}

/** metrics-server keeps a node only while its last two scrapes both succeeded. */
export function nodeInMetricsApi(world: SimWorld, node: number, k: number): boolean {
  const { usage, scenarios } = world;
  return world.nodePresent(node) && !nodeDown(scenarios, node, usage.scrapeTime(k)) && !nodeDown(scenarios, node, usage.scrapeTime(k - 1));
}

export function samplePod(world: SimWorld, slot: number, k: number, nodeListed: boolean): PodSample | null {
  if (!world.podPresent(slot)) return null;
  const pod = world.pod(slot);
  const { at, previous } = world.usage.times(pod.node, k);
  const life = world.life(slot, at);
  if (life.phase !== 'Running') return null;
  let workingSetBytes = 0;
  let steady = true;
  const containers = life.containers.map((c, i) => {
    if (c.state.kind !== 'running') {
      steady = false;
      return null;
    }
    if (c.state.startedAt > previous) steady = false;
    const usage = world.usage.containerUsage(pod, i, k);
    workingSetBytes += usage.workingSetBytes;
    return usage;
  });
  return { pod, life, containers, workingSetBytes, inMetricsApi: nodeListed && steady };
}

/** One kubelet sample of a node: its pods and totals (the system plus every running container). */
export function sampleNode(world: SimWorld, index: number, k: number): NodeSample {
  const node = world.layout.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  const system = world.usage.systemUsage(node, k);
  const inMetricsApi = nodeInMetricsApi(world, index, k);
  const pods: PodSample[] = [];
  let { cpuNanoCores, workingSetBytes } = system;
  const first = index * world.layout.podsPerNode;
  for (let slot = first; slot < first + world.layout.podsPerNode; slot++) {
    const sample = samplePod(world, slot, k, inMetricsApi);
    if (!sample) continue;
    pods.push(sample);
    workingSetBytes += sample.workingSetBytes;
    if (countsTowardNodeCpu(sample)) for (const usage of sample.containers) cpuNanoCores += usage?.cpuNanoCores ?? 0;
  }
  return { node, k, times: world.usage.times(index, k), system, cpuNanoCores, workingSetBytes, inMetricsApi, pods };
}

// The short-lived Job and crash-looping containers are too small to matter, and counting them in
// the node's CPU counter would make it step back whenever one goes away.
function countsTowardNodeCpu(sample: PodSample): boolean {
  return sample.pod.behaviour !== 'cron' && sample.pod.behaviour !== 'crash';
}

/**
 * The node's CPU counter since the kubelet started: the system's, plus each long-running pod's
 * from when it started (a restart resets a container's counter, not the node's).
 */
export function nodeCpuCumulative(world: SimWorld, sample: NodeSample): number {
  let total = world.usage.systemCpuCumulative(sample.node, sample.k);
  for (const p of sample.pods) {
    if (!countsTowardNodeCpu(p)) continue;
    p.containers.forEach((usage, i) => {
      if (usage) total += Math.round(world.usage.lifetimeCpu(p.pod, i, Math.max(sample.node.bootAt, p.pod.createdAt), sample.k));
    });
  }
  return total;
}

/** The cumulative CPU counters of one sample, as the kubelet's endpoints report them (nanoseconds). */
export interface CpuCounters {
  readonly node: number;
  /** The pod cgroup's counter: it runs from the pod's start, across container restarts. */
  pod(p: PodSample): number;
  container(p: PodSample, index: number): number;
}

export function cpuCounters(world: SimWorld, sample: NodeSample): CpuCounters {
  return {
    node: nodeCpuCumulative(world, sample),
    pod: (p) =>
      p.containers.reduce((sum, c, i) => sum + (c ? Math.round(world.usage.lifetimeCpu(p.pod, i, p.life.createdAt, sample.k)) : 0), 0),
    container: (p, i) => {
      const life = p.life.containers[i];
      return life ? world.usage.containerCpuCumulative(p.pod, i, life, sample.k) : 0;
    },
  };
}
