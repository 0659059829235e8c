import { nodeInMetricsApi, samplePod } from './node-sample.js';
import { nodeDown } from './node-state.js';
import type { SimWorld } from './sim-world.js';

export interface SimPodRef {
  readonly namespace: string;
  readonly name: string;
}

export interface SimPod extends SimPodRef {
  readonly nodeName: string;
  readonly phase: string;
}

/** Which node and pod play which part (see scenarios.ts for the timings). */
export interface SimRoles {
  /** NotReady for 2 minutes in every 10, the first time 2 minutes after start. */
  readonly flappingNode: string;
  /** Disk climbs 70% → 95% every 6 minutes: past 80% after ~1 minute, 90% after ~3.4 (or as diskFill says). */
  readonly fillingDiskNode: string;
  /** Above 90% disk (DiskPressure) from the start. */
  readonly fullDiskNode: string;
  /** Busy with batch pods that peak together every 5 minutes, past 90% CPU (clusters of 4 nodes or more). */
  readonly hotNode: string | null;
  /** CPU swings across 70% and back every 40 seconds, over it less than 20 s at a time (clusters of 6 nodes or more). */
  readonly flappingCpuNode: string | null;
  /** Working set climbs toward its limit and is OOMKilled every 15 minutes. */
  readonly leakingPod: SimPodRef | null;
  readonly crashLoopPod: SimPodRef | null;
  /** The CronJob; its pods are named NAME-<minute>-<suffix>, one every 5 minutes. */
  readonly cronJob: SimPodRef | null;
}

/** Read access to the simulated state, for tests: what the API would show at this moment. */
export interface SimCluster {
  readonly nodeNames: readonly string[];
  readonly roles: SimRoles;
  /** The clock reading the sim started at: every scenario is timed from here. */
  readonly startedAt: number;
  resourceVersion(): string;
  /** Every pod, in the API's list order. */
  pods(): readonly SimPod[];
  nodeReady(name: string): boolean;
  /** The nodes and pods the Metrics API lists now (pods need two scrapes of every container). */
  nodesWithMetrics(): readonly string[];
  podsWithMetrics(): readonly SimPodRef[];
}

export function clusterView(world: SimWorld): SimCluster {
  const { layout, scenarios } = world;
  const nodeName = (index: number) => layout.nodes[index]?.name ?? '';
  const podRef = (slot: number | undefined): SimPodRef | null =>
    slot === undefined ? null : { namespace: world.pod(slot).workload.namespace, name: world.podName(slot, world.now) };
  const inMetrics = (k: number) => layout.nodes.filter((n) => nodeInMetricsApi(world, n.index, k));
  return {
    nodeNames: layout.nodes.map((n) => n.name),
    startedAt: layout.startedAt,
    roles: {
      flappingNode: nodeName(scenarios.flapping.node),
      fillingDiskNode: nodeName(scenarios.fillingDisk.node),
      fullDiskNode: nodeName(scenarios.fullDisk),
      hotNode: scenarios.hot === null ? null : nodeName(scenarios.hot),
      flappingCpuNode: scenarios.flappingCpu === null ? null : nodeName(scenarios.flappingCpu),
      get leakingPod() {
        return podRef(scenarios.leak?.slot);
      },
      get crashLoopPod() {
        return podRef(scenarios.crash?.slot);
      },
      cronJob: scenarios.cron
        ? { namespace: world.pod(scenarios.cron.slot).workload.namespace, name: world.pod(scenarios.cron.slot).workload.name }
        : null,
    },
    resourceVersion: () => {
      world.sync();
      return String(world.timeline.resourceVersion);
    },
    pods: () => {
      world.sync();
      return Array.from(layout.order, (slot) => {
        const pod = world.pod(slot);
        const life = world.life(slot, world.now);
        return { namespace: pod.workload.namespace, name: life.name, nodeName: nodeName(pod.node), phase: life.phase };
      });
    },
    nodeReady: (name) => {
      world.sync();
      const index = world.findNode(name);
      return index !== null && !nodeDown(scenarios, index, world.now);
    },
    nodesWithMetrics: () => {
      world.sync();
      return inMetrics(world.usage.scrapeIndex(world.now)).map((n) => n.name);
    },
    podsWithMetrics: () => {
      world.sync();
      const k = world.usage.scrapeIndex(world.now);
      const listed = new Set(inMetrics(k).map((n) => n.index));
      return Array.from(layout.order).flatMap((slot) => {
        const sample = samplePod(world, slot, k, listed.has(world.pod(slot).node));
        return sample?.inMetricsApi ? [{ namespace: sample.pod.workload.namespace, name: sample.life.name }] : [];
      });
    },
  };
}
