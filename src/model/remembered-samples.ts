import { diskFigure, inodePercent } from './disk.js';
import { HistoryStore } from './history.js';
import type { SavedHistories } from './history-codec.js';
import type { NodeInfo } from './records.js';
import type { Histories, Snapshot } from './snapshot.js';

// What a face that runs now and then (kmon status, every few seconds from tmux) keeps of each node
// between runs, so its projections have a history to go on: plain data, saved as JSON.

/** Per node UID, oldest first: disk samples [time, node fs %, image fs %, inodes %] and memory [time, bytes]. */
export interface NodeSamples {
  readonly disk: Readonly<Record<string, readonly (readonly number[])[]>>;
  readonly memory: Readonly<Record<string, readonly (readonly number[])[]>>;
}

export const NO_SAMPLES: NodeSamples = { disk: {}, memory: {} };

// An hour of samples, at most 120 a node: enough for the trend of a face run every few seconds to
// every few minutes.
const KEEP_MS = 60 * 60_000;
const MAX_SAMPLES = 120;

function add(list: readonly (readonly number[])[] | undefined, sample: number[], now: number): (readonly number[])[] {
  const kept = (list ?? []).filter((s) => (s[0] ?? 0) >= now - KEEP_MS && (s[0] ?? 0) !== sample[0]);
  return [...kept, sample].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)).slice(-MAX_SAMPLES);
}

/** The samples with this snapshot's added, at the times their sources measured them; vanished nodes' dropped. */
export function rememberSamples(prev: NodeSamples, snapshot: Snapshot, now: number): NodeSamples {
  const disk: Record<string, (readonly number[])[]> = {};
  const memory: Record<string, (readonly number[])[]> = {};
  for (const node of snapshot.nodes) {
    const fetched = snapshot.summaries.get(node.name);
    const fs = fetched?.summary.fs ?? null;
    const figure = diskFigure(fs);
    const imageFs = diskFigure(fetched?.summary.imageFs ?? null);
    const oldDisk = prev.disk[node.uid] ?? [];
    disk[node.uid] =
      fetched && figure
        ? add(oldDisk, [fs?.time ?? fetched.fetchedAt, figure.percent, imageFs?.percent ?? Number.NaN, inodePercent(fs) ?? Number.NaN], now)
        : [...oldDisk];
    const usage = snapshot.nodeUsage.get(node.name);
    const oldMemory = prev.memory[node.uid] ?? [];
    memory[node.uid] =
      usage && Number.isFinite(usage.timestamp) ? add(oldMemory, [usage.timestamp, usage.memoryBytes], now) : [...oldMemory];
  }
  return { disk, memory };
}

/** The samples as histories a snapshot can carry, for node rows and their projections. */
export function recallHistories(samples: NodeSamples, nodes: readonly NodeInfo[]): Histories {
  const nodeUsage = new HistoryStore({ seriesCount: 2, depth: MAX_SAMPLES });
  const nodeDisk = new HistoryStore({ seriesCount: 3, depth: MAX_SAMPLES });
  for (const node of nodes) {
    for (const [at = 0, ...series] of samples.disk[node.uid] ?? []) nodeDisk.record(node.uid, at, 0, series);
    for (const [at = 0, bytes = Number.NaN] of samples.memory[node.uid] ?? []) nodeUsage.record(node.uid, at, 0, [Number.NaN, bytes]);
  }
  return { nodeUsage, nodeDisk, podUsage: new HistoryStore({ seriesCount: 2, depth: 1 }) };
}

/** The nodes' samples the live screen saved (its nodeDisk and nodeUsage histories), as a face that looks now and then keeps them. */
export function savedNodeSamples(saved: SavedHistories): NodeSamples {
  const disk: Record<string, (readonly number[])[]> = {};
  const memory: Record<string, (readonly number[])[]> = {};
  for (const o of saved.stores.get('nodeDisk')?.objects ?? []) disk[o.uid] = o.times.map((t, i) => [t, ...(o.samples[i] ?? [])]);
  for (const o of saved.stores.get('nodeUsage')?.objects ?? [])
    memory[o.uid] = o.times.map((t, i) => [t, o.samples[i]?.[1] ?? Number.NaN]).filter((s) => Number.isFinite(s[1]));
  return { disk, memory };
}

/** Both sets of samples, each node's in time order without repeats, within the hour and the count kept. */
export function joinSamples(a: NodeSamples, b: NodeSamples, now: number): NodeSamples {
  const join = (x: NodeSamples['disk'], y: NodeSamples['disk']) => {
    const out: Record<string, (readonly number[])[]> = {};
    for (const uid of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const byTime = new Map<number, readonly number[]>();
      for (const s of [...(y[uid] ?? []), ...(x[uid] ?? [])]) byTime.set(s[0] ?? 0, s);
      out[uid] = [...byTime.values()]
        .filter((s) => (s[0] ?? 0) >= now - KEEP_MS)
        .sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0))
        .slice(-MAX_SAMPLES);
    }
    return out;
  };
  return { disk: join(a.disk, b.disk), memory: join(a.memory, b.memory) };
}
