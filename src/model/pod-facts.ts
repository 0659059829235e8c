import type { Level } from './levels.js';
import { healthChangesAt, podHealth } from './pod-health.js';
import { podLimits, podRequests } from './pod-resources.js';
import type { PodInfo, ResourceAmounts } from './records.js';

/** What a pod's object says by itself: the same until the pod changes (or an alert of it ages). */
export interface PodFacts {
  readonly status: string;
  readonly statusLevel: Level;
  readonly restarts: number;
  readonly requests: ResourceAmounts;
  readonly limits: ResourceAmounts;
}

interface Entry {
  readonly facts: PodFacts;
  readonly madeAt: number;
  readonly renewAt: number;
}

// Renewals due at one instant are spread over the minute after it.
const SPREAD_MS = 60_000;

/** A point in the minute of the pod's own, from its UID (mixed, as UIDs may differ in one digit). */
function phase(uid: string): number {
  let hash = 0;
  for (let i = 0; i < uid.length; i++) hash = Math.imul(hash, 31) + uid.charCodeAt(i);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % SPREAD_MS;
}

/**
 * Facts per pod object, worked out once: watches hand over the same object until the pod changes,
 * so at 150,000 pods a poll recomputes only what changed. Status alerts age with the clock
 * (recent restarts, slow starts), so the facts of a pod with such an alert coming or going are
 * renewed once it has, within the minute after, each pod at its own point in the minute: renewing
 * many at once would hold one frame. Facts that nothing ages (most pods) are kept as they are;
 * renewing every pod every minute cost the live screen a tenth of its garbage at 150,000 pods.
 */
export class PodFactsCache {
  private readonly cache = new WeakMap<PodInfo, Entry>();
  // Replicas of a workload mostly have equal facts; one shared object per distinct set.
  private shared = new Map<string, PodFacts>();

  facts(pod: PodInfo, now: number): PodFacts {
    const entry = this.cache.get(pod);
    // A clock that went back renews too: the facts may be from the future.
    if (entry && now < entry.renewAt && now >= entry.madeAt) return entry.facts;
    const facts = this.share(podFacts(pod, now));
    const renewAt = healthChangesAt(pod, now) + phase(pod.uid);
    this.cache.set(pod, { facts, madeAt: now, renewAt });
    return facts;
  }

  private share(facts: PodFacts): PodFacts {
    const { requests: r, limits: l } = facts;
    const key = `${facts.status}|${facts.statusLevel}|${facts.restarts}|${r.cpuMilli}|${r.memoryBytes}|${r.ephemeralBytes}|${l.cpuMilli}|${l.memoryBytes}|${l.ephemeralBytes}`;
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
