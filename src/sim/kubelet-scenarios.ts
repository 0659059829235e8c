import type { ClusterLayout, PodSlot } from './cluster-layout.js';
import { hash } from './hash.js';

// What the simulated kubelets show beyond CPU, memory and bytes of disk, each on a pod or node of
// its own so a test can find it:
// - a node nearly out of inodes (93% used) with most of its bytes free (six nodes or more);
// - nodes whose kubelet reports no pressure (PSI): every third node, as on cgroup v1;
// - the first web-api pod throttled in 40% of its CFS periods (its envoy in 12%);
// - the first ledger-worker pod at 92% of its 2Gi ephemeral-storage limit.

export const INODES_USED = 0.93;
export const THROTTLED_SHARE = 0.4;
export const DISK_HOG_SHARE = 0.92;
/** The throttled pod's CPU pressure (some avg10, %): throttled time stalls its tasks. */
export const THROTTLED_STALL = 25;

export interface KubeletScenarios {
  readonly inodesNode: number | null;
  readonly throttledSlot: number | null;
  readonly diskHogSlot: number | null;
  /** Whether this node's kubelet reports PSI. */
  psi(node: number): boolean;
}

function firstOf(layout: ClusterLayout, workload: string): number | null {
  return layout.pods.find((p) => p.workload.name === workload && p.behaviour === 'steady')?.slot ?? null;
}

export function buildKubeletScenarios(layout: ClusterLayout): KubeletScenarios {
  return {
    inodesNode: layout.nodes.length > 5 ? 5 : null,
    throttledSlot: firstOf(layout, 'web-api'),
    diskHogSlot: firstOf(layout, 'ledger-worker'),
    psi: (node) => node % 3 !== 2,
  };
}

/**
 * The share of a container's CFS periods throttled: the scenario pod's, and a few percent for the
 * other containers with a CPU limit (some never).
 */
export function throttledShare(scenarios: KubeletScenarios, pod: PodSlot, index: number, seed: number): number {
  if (pod.slot === scenarios.throttledSlot) return index === 0 ? THROTTLED_SHARE : 0.12;
  const h = hash(seed, 95, pod.slot, index) % 100;
  return h < 40 ? 0 : (h % 6) / 100;
}
