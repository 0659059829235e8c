import type { EvictionPolicy } from './eviction.js';
import type { Changes, FrameRecord, PodUsageChanges } from './frame-record.js';
import { packSummary, packThrottling } from './kubelet-frame-codec.js';
import type { PodUsageIndex } from './pod-usage-index.js';
import type { PodUsage } from './records.js';
import type { FetchedSummary, FetchedThrottling, Snapshot } from './snapshot.js';

// Turns each snapshot into what changed since the last: objects are compared by identity first
// (the collector keeps an unchanged object, so most of 150,000 pods cost one comparison a frame),
// and pod usage, which metrics-server renews whole every scrape, by its figures.

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

function changes<T>(
  prev: ReadonlyMap<string, T>,
  next: ReadonlyMap<string, T>,
  same: (a: T, b: T) => boolean,
): { set: [string, T][]; del: string[] } {
  const set: [string, T][] = [];
  const del: string[] = [];
  for (const [key, value] of next) {
    const before = prev.get(key);
    if (before === undefined || (before !== value && !same(before, value))) set.push([key, value]);
  }
  for (const key of prev.keys()) if (!next.has(key)) del.push(key);
  return { set, del };
}

function packed<T, U>(c: { set: [string, T][]; del: string[] }, item: (key: string, value: T) => U): Changes<U> | undefined {
  if (c.set.length === 0 && c.del.length === 0) return undefined;
  return { ...(c.set.length ? { set: c.set.map(([k, v]) => item(k, v)) } : {}), ...(c.del.length ? { del: c.del } : {}) };
}

const byUid = <T extends { readonly uid: string }>(items: readonly T[]) => new Map(items.map((i) => [i.uid, i]));
const never = () => false;

/**
 * Nodes or pods changed since `prev`. A list kept in place (the same objects where nothing changed,
 * a changed object where it was) is compared position by position, which at 150,000 pods costs a
 * millisecond where building two maps costs a hundred; anything else, by UID.
 */
function listChanges<T extends { readonly uid: string }>(prev: readonly T[], next: readonly T[]): Changes<T> | undefined {
  if (prev.length === next.length) {
    const set: T[] = [];
    let inPlace = true;
    for (let i = 0; i < next.length && inPlace; i++) {
      const [a, b] = [prev[i] as T, next[i] as T];
      if (a === b) continue;
      if (a.uid === b.uid) set.push(b);
      else inPlace = false;
    }
    if (inPlace) return set.length ? { set } : undefined;
  }
  return packed(changes(byUid(prev), byUid(next), never), (_, v) => v);
}

function sameUsage(a: PodUsage, b: PodUsage): boolean {
  if (a.cpuMilli !== b.cpuMilli || a.memoryBytes !== b.memoryBytes || a.timestamp !== b.timestamp) return false;
  if (a.containers.length !== b.containers.length) return false;
  return a.containers.every((c, i) => {
    const d = b.containers[i];
    return d !== undefined && c.name === d.name && c.cpuMilli === d.cpuMilli && c.memoryBytes === d.memoryBytes;
  });
}

export class FrameEncoder {
  private prev: Snapshot | null = null;
  private readonly strings = new Map<string, number>();
  private fresh: string[] = [];

  /** The record of `snapshot`: everything for the first, what changed since the one before for the rest. */
  next(snapshot: Snapshot): FrameRecord {
    const prev = this.prev;
    this.prev = snapshot;
    this.fresh = [];
    const scalar = <K extends keyof Snapshot>(key: K) =>
      prev && prev[key] === snapshot[key] ? {} : ({ [key]: snapshot[key] } as Pick<Snapshot, K>);
    const sameScope = prev && JSON.stringify(prev.scope) === JSON.stringify(snapshot.scope);
    const record: FrameRecord = {
      t: snapshot.takenAt,
      seq: snapshot.seq,
      ...(sameScope ? {} : { scope: snapshot.scope }),
      ...scalar('intervalMs'),
      ...scalar('inventoryAt'),
      ...scalar('podsListed'),
      ...scalar('metricsSource'),
      ...scalar('podMetricsSource'),
      ...scalar('metricsAt'),
      ...scalar('kubeletOff'),
      ...this.problems(prev, snapshot),
      ...this.objects(prev, snapshot),
      ...this.usage(prev, snapshot),
    };
    return this.fresh.length ? { ...record, str: this.fresh } : record;
  }

  private problems(prev: Snapshot | null, next: Snapshot): Pick<FrameRecord, 'problems'> {
    if (prev && (prev.problems === next.problems || JSON.stringify(prev.problems) === JSON.stringify(next.problems))) return {};
    return { problems: next.problems };
  }

  private objects(prev: Snapshot | null, next: Snapshot): Pick<FrameRecord, 'nodes' | 'pods' | 'summaries' | 'throttling' | 'eviction'> {
    const out: { -readonly [K in 'nodes' | 'pods' | 'summaries' | 'throttling' | 'eviction']?: FrameRecord[K] } = {};
    if (!prev || prev.nodes !== next.nodes) out.nodes = listChanges(prev?.nodes ?? [], next.nodes);
    if (!prev || prev.pods !== next.pods) out.pods = listChanges(prev?.pods ?? [], next.pods);
    if (!prev || prev.summaries !== next.summaries)
      out.summaries = packed(
        changes<FetchedSummary>(prev?.summaries ?? new Map(), next.summaries, never),
        (k, v) => [k, packSummary(v)] as const,
      );
    const [before, after] = [prev?.kubelet?.throttling, next.kubelet?.throttling];
    if (!prev || before !== after)
      out.throttling = packed(
        changes<FetchedThrottling>(before ?? new Map(), after ?? new Map(), never),
        (k, v) => [k, packThrottling(v)] as const,
      );
    if (!prev || prev.eviction !== next.eviction) {
      const policies = packed(
        changes<EvictionPolicy>(prev?.eviction ?? new Map(), next.eviction ?? new Map(), never),
        (k, v) => [k, v] as const,
      );
      out.eviction = next.eviction ? policies : { none: true };
    }
    for (const key of Object.keys(out) as (keyof typeof out)[]) if (out[key] === undefined) delete out[key];
    return out;
  }

  private usage(prev: Snapshot | null, next: Snapshot): Pick<FrameRecord, 'nodeUsage' | 'podUsage'> {
    const nodeUsage =
      !prev || prev.nodeUsage !== next.nodeUsage
        ? packed(
            changes(prev?.nodeUsage ?? new Map(), next.nodeUsage, (a, b) => JSON.stringify(a) === JSON.stringify(b)),
            (_, v) => v,
          )
        : undefined;
    const podUsage =
      !prev || prev.podUsage !== next.podUsage ? this.podUsage(prev?.podUsage ?? null, next.podUsage, next.takenAt) : undefined;
    return { ...(nodeUsage ? { nodeUsage } : {}), ...(podUsage ? { podUsage } : {}) };
  }

  private podUsage(prev: PodUsageIndex | null, next: PodUsageIndex, at: number): PodUsageChanges | undefined {
    const set: (number | null)[] = [];
    for (const usage of next.values()) {
      const before = prev?.get(usage.namespace, usage.name);
      if (before && (before === usage || sameUsage(before, usage))) continue;
      set.push(
        this.id(usage.namespace),
        this.id(usage.name),
        finite(usage.cpuMilli),
        finite(usage.memoryBytes),
        finite(at - usage.timestamp),
      );
      set.push(usage.containers.length);
      for (const c of usage.containers) set.push(this.id(c.name), finite(c.cpuMilli), finite(c.memoryBytes));
    }
    const del: (readonly [number, number])[] = [];
    if (prev)
      for (const usage of prev.values())
        if (!next.get(usage.namespace, usage.name)) del.push([this.id(usage.namespace), this.id(usage.name)]);
    if (set.length === 0 && del.length === 0) return undefined;
    return { ...(set.length ? { set } : {}), ...(del.length ? { del } : {}) };
  }

  private id(text: string): number {
    let id = this.strings.get(text);
    if (id === undefined) {
      id = this.strings.size;
      this.strings.set(text, id);
      this.fresh.push(text);
    }
    return id;
  }
}
