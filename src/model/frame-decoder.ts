import type { EvictionPolicy } from './eviction.js';
import type { Changes, FrameRecord, PodUsageChanges } from './frame-record.js';
import { unpackSummary, unpackThrottling } from './kubelet-frame-codec.js';
import type { KubeletHistories } from './kubelet-history.js';
import { PodUsageIndex } from './pod-usage-index.js';
import type { ContainerUsage, NodeInfo, NodeUsage, PodInfo, PodUsage } from './records.js';
import type { FetchedSummary, FetchedThrottling, Histories, Snapshot } from './snapshot.js';

// Rebuilds the snapshots of a recording from its frames, in order (frame-encoder.ts writes them).
// A collection a frame leaves alone keeps its identity, as the live collector's do, so whatever
// is worked out once per change (history samples, the pod table) is worked out as often as live.

const orNaN = (v: number | null | undefined): number => (typeof v === 'number' ? v : Number.NaN);

function applied<T>(current: ReadonlyMap<string, T>, c: Changes<T> | undefined, key: (item: T) => string): ReadonlyMap<string, T> {
  if (!c) return current;
  const next = new Map(current);
  for (const k of c.del ?? []) next.delete(k);
  for (const item of c.set ?? []) next.set(key(item), item);
  return next;
}

/** As `applied`, for changes of [key, value] pairs. */
function appliedPairs<T>(current: ReadonlyMap<string, T>, c: Changes<readonly [string, T]> | undefined): ReadonlyMap<string, T> {
  if (!c) return current;
  const next = new Map(current);
  for (const k of c.del ?? []) next.delete(k);
  for (const [k, v] of c.set ?? []) next.set(k, v);
  return next;
}

/** As `appliedPairs`, for values kept packed in the recording. */
function unpacked<P, T>(current: ReadonlyMap<string, T>, c: Changes<readonly [string, P]>, unpack: (p: P) => T): ReadonlyMap<string, T> {
  const set = c.set?.map(([k, v]) => [k, unpack(v)] as const);
  return appliedPairs<T>(current, { ...(c.del ? { del: c.del } : {}), ...(set ? { set } : {}) });
}

type Recorded = Omit<Snapshot, 'history' | 'kubelet'> & { readonly throttling: ReadonlyMap<string, FetchedThrottling> };

export class FrameDecoder {
  private readonly strings: string[] = [];
  private nodes = new Map<string, NodeInfo>() as ReadonlyMap<string, NodeInfo>;
  private pods = new Map<string, PodInfo>() as ReadonlyMap<string, PodInfo>;
  private nodeUsage = new Map<string, NodeUsage>() as ReadonlyMap<string, NodeUsage>;
  private summaries = new Map<string, FetchedSummary>() as ReadonlyMap<string, FetchedSummary>;
  private throttling = new Map<string, FetchedThrottling>() as ReadonlyMap<string, FetchedThrottling>;
  private eviction: ReadonlyMap<string, EvictionPolicy> | undefined = undefined;
  private state: Recorded | null = null;

  /** The snapshot after `record`, given the histories it is to carry. */
  apply(record: FrameRecord, history: Histories, kubeletHistory?: KubeletHistories): Snapshot {
    for (const s of record.str ?? []) this.strings.push(s);
    const prev = this.state;
    const nodes = this.collection('nodes', record.nodes, (n) => n.uid, prev?.nodes);
    const pods = this.collection('pods', record.pods, (p) => p.uid, prev?.pods);
    if (record.nodeUsage) this.nodeUsage = applied(this.nodeUsage, record.nodeUsage, (u) => u.name);
    if (record.summaries) this.summaries = unpacked(this.summaries, record.summaries, unpackSummary);
    if (record.throttling) this.throttling = unpacked(this.throttling, record.throttling, unpackThrottling);
    if (record.eviction?.none) this.eviction = undefined;
    else if (record.eviction) this.eviction = appliedPairs(this.eviction ?? new Map(), record.eviction);
    const state: Recorded = {
      seq: record.seq,
      takenAt: record.t,
      intervalMs: record.intervalMs ?? prev?.intervalMs ?? 5_000,
      scope: record.scope ?? prev?.scope ?? { context: '', cluster: '', server: '', namespace: null },
      nodes,
      pods,
      inventoryAt: 'inventoryAt' in record ? (record.inventoryAt ?? null) : (prev?.inventoryAt ?? null),
      podsListed: record.podsListed ?? prev?.podsListed ?? false,
      nodeUsage: record.nodeUsage || !prev ? this.nodeUsage : prev.nodeUsage,
      podUsage: record.podUsage
        ? this.podUsage(prev?.podUsage ?? null, record.podUsage, record.t)
        : (prev?.podUsage ?? new PodUsageIndex()),
      metricsSource: record.metricsSource ?? prev?.metricsSource ?? 'none',
      podMetricsSource: record.podMetricsSource ?? prev?.podMetricsSource ?? 'none',
      metricsAt: 'metricsAt' in record ? (record.metricsAt ?? null) : (prev?.metricsAt ?? null),
      summaries: record.summaries || !prev ? this.summaries : prev.summaries,
      throttling: record.throttling || !prev ? this.throttling : prev.throttling,
      kubeletOff: 'kubeletOff' in record ? (record.kubeletOff ?? null) : (prev?.kubeletOff ?? null),
      problems: record.problems ?? prev?.problems ?? [],
      eviction: record.eviction || !prev ? this.eviction : prev.eviction,
    };
    this.state = state;
    const { throttling, ...snapshot } = state;
    return { ...snapshot, history, ...(kubeletHistory ? { kubelet: { throttling, history: kubeletHistory } } : {}) };
  }

  private collection<T>(
    which: 'nodes' | 'pods',
    c: Changes<T> | undefined,
    key: (item: T) => string,
    prev: readonly T[] | undefined,
  ): readonly T[] {
    if (!c && prev) return prev;
    const current = (which === 'nodes' ? this.nodes : this.pods) as ReadonlyMap<string, T>;
    const next = applied(current, c, key);
    if (which === 'nodes') this.nodes = next as ReadonlyMap<string, NodeInfo>;
    else this.pods = next as ReadonlyMap<string, PodInfo>;
    return [...next.values()];
  }

  private podUsage(prev: PodUsageIndex | null, c: PodUsageChanges, at: number): PodUsageIndex {
    const gone = new Set((c.del ?? []).map(([ns, name]) => `${this.text(ns)}/${this.text(name)}`));
    const next = new Map<string, PodUsage>();
    if (prev) for (const u of prev.values()) if (!gone.has(`${u.namespace}/${u.name}`)) next.set(`${u.namespace}/${u.name}`, u);
    const flat = c.set ?? [];
    for (let i = 0; i < flat.length; ) {
      const [ns, name, cpu, memory, before, count] = flat.slice(i, i + 6);
      i += 6;
      const containers: ContainerUsage[] = [];
      for (let k = 0; k < (count ?? 0); k++, i += 3)
        containers.push({ name: this.text(flat[i] ?? null), cpuMilli: orNaN(flat[i + 1]), memoryBytes: orNaN(flat[i + 2]) });
      const usage = {
        namespace: this.text(ns ?? null),
        name: this.text(name ?? null),
        cpuMilli: orNaN(cpu),
        memoryBytes: orNaN(memory),
        timestamp: before === null || before === undefined ? Number.NaN : at - before,
        containers,
      };
      next.set(`${usage.namespace}/${usage.name}`, usage);
    }
    return PodUsageIndex.of([...next.values()]);
  }

  private text(id: number | null): string {
    const s = id === null ? undefined : this.strings[id];
    if (s === undefined) throw new RangeError(`string ${id} is not in the recording's table`);
    return s;
  }
}
