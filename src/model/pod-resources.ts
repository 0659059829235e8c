import type { ContainerInfo, ResourceAmounts } from './records.js';

function total(containers: readonly ContainerInfo[], pick: (c: ContainerInfo) => number | null): number | null {
  let sum = 0;
  for (const c of containers) {
    const value = pick(c);
    // One container without a figure makes the pod's total meaningless, as for the HPA: usage would
    // be compared against a request or limit that does not cover every container.
    if (value === null) return null;
    sum += value;
  }
  return containers.length === 0 ? null : sum;
}

/**
 * The sum of the figures set, null when none is: how the kubelet's eviction manager totals a pod's
 * ephemeral-storage limit (resourcehelper.PodLimits), a container without one adding nothing.
 */
function setTotal(containers: readonly ContainerInfo[], pick: (c: ContainerInfo) => number | null | undefined): number | null {
  let sum: number | null = null;
  for (const c of containers) {
    const value = pick(c);
    if (value != null) sum = (sum ?? 0) + value;
  }
  return sum;
}

export function podRequests(containers: readonly ContainerInfo[]): ResourceAmounts {
  return {
    cpuMilli: total(containers, (c) => c.requests.cpuMilli),
    memoryBytes: total(containers, (c) => c.requests.memoryBytes),
    ephemeralBytes: setTotal(containers, (c) => c.requests.ephemeralBytes),
  };
}

export function podLimits(containers: readonly ContainerInfo[]): ResourceAmounts {
  return {
    cpuMilli: total(containers, (c) => c.limits.cpuMilli),
    memoryBytes: total(containers, (c) => c.limits.memoryBytes),
    ephemeralBytes: setTotal(containers, (c) => c.limits.ephemeralBytes),
  };
}

/** usage / base × 100, or null when either side is unknown or the base is zero. */
export function percentOf(usage: number | null, base: number | null): number | null {
  if (usage === null || base === null || !(base > 0)) return null;
  return (usage / base) * 100;
}
