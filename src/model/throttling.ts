// CPU throttling from cAdvisor's CFS counters: of the scheduler periods in which a cgroup with a CPU
// limit wanted to run, the share in which it hit its quota and was held back. A container throttled
// in 40% of its periods is slow whatever its average CPU says.

export interface CfsCounter {
  /** Periods in which the cgroup was runnable, and those in which it was throttled. */
  readonly periods: number;
  readonly throttled: number;
  /** cAdvisor's time for the sample (epoch ms); null when the line had none. */
  readonly time: number | null;
}

export interface PodCfs {
  readonly namespace: string;
  readonly name: string;
  /** The pod cgroup's counters: present when every container has a CPU limit. */
  readonly pod: CfsCounter | null;
  /** Per container with a CPU limit, by name. */
  readonly containers: ReadonlyMap<string, CfsCounter>;
}

/** One read of a node's /metrics/cadvisor, reduced to the CFS counters. */
export interface CfsReading {
  readonly pods: readonly PodCfs[];
}

export interface PodThrottling {
  /** The most throttled container's share of periods (the pod cgroup's if no container has one). */
  readonly percent: number;
  readonly pod: number | null;
  readonly containers: ReadonlyMap<string, number>;
  /** When the later of the two samples was taken. */
  readonly at: number;
}

/** Throttled share of periods between two samples; null when a counter went back or did not move on. */
function share(before: CfsCounter | undefined, after: CfsCounter | undefined): number | null {
  if (!before || !after) return null;
  if (before.time !== null && after.time !== null && after.time <= before.time) return null;
  const periods = after.periods - before.periods;
  const throttled = after.throttled - before.throttled;
  if (periods < 0 || throttled < 0 || throttled > periods) return null;
  // No period with work to do: nothing could be throttled.
  return periods === 0 ? 0 : (throttled / periods) * 100;
}

const podKey = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;

/**
 * Each pod's throttling between two reads of the same node, keyed "namespace/name". Where a sample
 * did not move on (cAdvisor refreshes every 10 s or so), the previous figure stands.
 */
export function throttlingBetween(
  before: CfsReading | null,
  after: CfsReading,
  previous: ReadonlyMap<string, PodThrottling> | null,
  fetchedAt: number,
): Map<string, PodThrottling> {
  const out = new Map<string, PodThrottling>();
  const earlier = new Map((before?.pods ?? []).map((p) => [podKey(p), p]));
  for (const pod of after.pods) {
    const key = podKey(pod);
    const was = earlier.get(key);
    const containers = new Map<string, number>();
    let at = 0;
    for (const [name, counter] of pod.containers) {
      const value = share(was?.containers.get(name), counter);
      if (value === null) continue;
      containers.set(name, value);
      at = Math.max(at, counter.time ?? fetchedAt);
    }
    const podShare = share(was?.pod ?? undefined, pod.pod ?? undefined);
    if (podShare !== null) at = Math.max(at, pod.pod?.time ?? fetchedAt);
    const worst = containers.size ? Math.max(...containers.values()) : podShare;
    if (worst === null) {
      const kept = previous?.get(key);
      if (kept) out.set(key, kept);
      continue;
    }
    out.set(key, { percent: worst, pod: podShare, containers, at });
  }
  return out;
}
