import type { ClusterLayout } from './cluster-layout.js';
import { between } from './hash.js';
import type { Scenarios } from './scenarios.js';

const MINUTE = 60_000;

/** True while the node's kubelet is down (it stops posting status and its proxy fails). */
export function nodeDown(scenarios: Scenarios, node: number, t: number): boolean {
  return scenarios.flapping.node === node && scenarios.flapping.schedule.segment(t) === 0;
}

/** When the node's Ready condition last changed. */
export function readySince(layout: ClusterLayout, scenarios: Scenarios, node: number, t: number): number {
  const created = (layout.nodes[node]?.createdAt ?? 0) + 30_000;
  return scenarios.flapping.node === node ? Math.max(created, scenarios.flapping.schedule.segmentStart(t)) : created;
}

export function diskPressure(scenarios: Scenarios, node: number, t: number): boolean {
  if (scenarios.fillingDisk.node === node) return scenarios.fillingDisk.schedule.segment(t) === 1;
  return scenarios.fullDisk === node;
}

export function diskPressureSince(layout: ClusterLayout, scenarios: Scenarios, node: number, t: number): number {
  const created = (layout.nodes[node]?.createdAt ?? 0) + 30_000;
  return scenarios.fillingDisk.node === node ? Math.max(created, scenarios.fillingDisk.schedule.segmentStart(t)) : created;
}

/** 1 − available/capacity of the node filesystem: what the kubelet's eviction manager measures. */
export function diskFraction(layout: ClusterLayout, scenarios: Scenarios, node: number, t: number): number {
  const { schedule, from, to } = scenarios.fillingDisk;
  // Before the first cycle (samples a little older than the sim) the disk is where it starts.
  if (scenarios.fillingDisk.node === node)
    return t < schedule.originMs ? from : from + ((to - from) * schedule.offset(t)) / schedule.periodMs;
  const phase = between(0, 2 * Math.PI, layout.seed, 20, node);
  const wobble = Math.sin((2 * Math.PI * (t % (7 * MINUTE))) / (7 * MINUTE) + phase);
  if (scenarios.fullDisk === node) return 0.921 + 0.004 * wobble;
  return between(0.38, 0.72, layout.seed, 21, node) + 0.008 * wobble;
}
