import type { Level } from './levels.js';
import { podHealth } from './pod-health.js';
import { podLimits, podRequests } from './pod-resources.js';
import type { PodInfo, ResourceAmounts } from './records.js';

/** What a pod's object says by itself: the same until the pod changes (or a minute passes). */
export interface PodFacts {
  readonly status: string;
  readonly statusLevel: Level;
  readonly restarts: number;
  readonly requests: ResourceAmounts;
  readonly limits: ResourceAmounts;
}

interface Entry {
  readonly facts: PodFacts;
  readonly minute: number;
}

/**
 * Facts per pod object, worked out once: watches hand over the same object until the pod changes,
 * so at 150,000 pods a poll recomputes only what changed. Status alerts age with the clock
 * (recent restarts, slow starts), so facts are also renewed once a minute.
 */
export class PodFactsCache {
  private readonly cache = new WeakMap<PodInfo, Entry>();
  // Replicas of a workload mostly have equal facts; one shared object per distinct set.
  private shared = new Map<string, PodFacts>();

  facts(pod: PodInfo, now: number): PodFacts {
    const minute = Math.floor(now / 60_000);
    const entry = this.cache.get(pod);
    if (entry && entry.minute === minute) return entry.facts;
    const facts = this.share(podFacts(pod, now));
    this.cache.set(pod, { facts, minute });
    return facts;
  }

  private share(facts: PodFacts): PodFacts {
    const { requests: r, limits: l } = facts;
    const key = `${facts.status}|${facts.statusLevel}|${facts.restarts}|${r.cpuMilli}|${r.memoryBytes}|${l.cpuMilli}|${l.memoryBytes}`;
    const known = this.shared.get(key);
    if (known) return known;
    if (this.shared.size >= SHARED_BOUND) this.shared = new Map();
    this.shared.set(key, facts);
    return facts;
  }
}

const SHARED_BOUND = 50_000;

function podFacts(pod: PodInfo, now: number): PodFacts {
  const health = podHealth(pod, now);
  return {
    status: health.status,
    statusLevel: health.level,
    restarts: health.restarts,
    requests: podRequests(pod.containers),
    limits: podLimits(pod.containers),
  };
}
