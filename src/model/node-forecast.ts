import { diskFigure, inodePercent, sameFilesystem } from './disk.js';
import { defaultEviction, type EvictionPolicy } from './eviction.js';
import { type FillForecast, type FillSeries, type FillTrend, fillTrend, forecastAt } from './fill-forecast.js';
import type { NodeInfo, NodeUsage } from './records.js';
import type { FetchedSummary, Snapshot } from './snapshot.js';
import type { FillThreshold } from './thresholds.js';
import { RECENT, type TrendWindow } from './trend.js';

// Series of the node disk history (see HistoryRecorder): used percent of each.
export const DISK_SERIES = { nodeFs: 0, imageFs: 1, inodes: 2 } as const;
const MEMORY_SERIES = 1;

const NOT_READ = defaultEviction('not read from the kubelet yet');
const KUBELET_OFF = defaultEviction('kubelet not read');

/** The node's eviction thresholds as the snapshot knows them. */
export function evictionOf(snapshot: Pick<Snapshot, 'eviction' | 'kubeletOff'>, node: string): EvictionPolicy {
  return snapshot.eviction?.get(node) ?? (snapshot.kubeletOff ? KUBELET_OFF : NOT_READ);
}

function diskSeries(snapshot: Snapshot, node: NodeInfo, eviction: EvictionPolicy): FillSeries[] {
  const summary = snapshot.summaries.get(node.name)?.summary;
  const fs = summary?.fs ?? null;
  const { nodeDisk } = snapshot.history;
  const times = nodeDisk.readTimes(node.uid, nodeDisk.depth, snapshot.seq);
  const read = (series: number) => nodeDisk.read(node.uid, series, nodeDisk.depth, snapshot.seq);
  const out: FillSeries[] = [];
  const nodeFs = diskFigure(fs);
  if (nodeFs) {
    const { capacityBytes: capacity, percent } = nodeFs;
    out.push({
      resource: 'node fs',
      percents: read(DISK_SERIES.nodeFs),
      times,
      percent,
      capacity,
      eviction: eviction.hard['nodefs.available'],
    });
  }
  const imageFs = summary && !sameFilesystem(fs, summary.imageFs) ? diskFigure(summary.imageFs) : null;
  if (imageFs) {
    const { capacityBytes: capacity, percent } = imageFs;
    out.push({
      resource: 'image fs',
      percents: read(DISK_SERIES.imageFs),
      times,
      percent,
      capacity,
      eviction: eviction.hard['imagefs.available'],
    });
  }
  const inodes = inodePercent(fs);
  if (fs && inodes !== null)
    out.push({
      resource: 'inodes',
      percents: read(DISK_SERIES.inodes),
      times,
      percent: inodes,
      capacity: fs.inodes ?? 0,
      eviction: eviction.hard['nodefs.inodesFree'],
    });
  return out;
}

function memorySeries(snapshot: Snapshot, node: NodeInfo, eviction: EvictionPolicy): FillSeries | null {
  const usage = snapshot.nodeUsage.get(node.name);
  // The kubelet's memory.available is capacity less the working set, not allocatable.
  const capacity = node.capacity.memoryBytes;
  if (!usage || !(capacity > 0)) return null;
  const { nodeUsage } = snapshot.history;
  return {
    resource: 'memory',
    percents: nodeUsage.read(node.uid, MEMORY_SERIES, nodeUsage.depth, snapshot.seq).map((b) => (b / capacity) * 100),
    times: nodeUsage.readTimes(node.uid, nodeUsage.depth, snapshot.seq),
    percent: (usage.memoryBytes / capacity) * 100,
    capacity,
    eviction: eviction.hard['memory.available'],
  };
}

interface Cached {
  readonly eviction: EvictionPolicy;
  readonly window: TrendWindow;
  /** The history's revision the trends were fitted at: samples merged under it (Prometheus, a saved history) refit them. */
  readonly revision: number;
  readonly trends: readonly FillTrend[];
}

// A trend changes only with a new sample, which comes with a new summary or usage object: at 5,000
// nodes, fitting every node's history on every frame would cost more than drawing it.
const diskTrends = new WeakMap<FetchedSummary, Cached>();
const memoryTrends = new WeakMap<NodeUsage, Cached>();

function cached<K extends object>(
  cache: WeakMap<K, Cached>,
  key: K | undefined,
  eviction: EvictionPolicy,
  window: TrendWindow,
  revision: number,
  make: () => FillSeries[],
) {
  if (!key) return [];
  const known = cache.get(key);
  if (known && known.eviction === eviction && known.window === window && known.revision === revision) return known.trends;
  const trends = make().map((series) => fillTrend(series, window));
  cache.set(key, { eviction, window, revision, trends });
  return trends;
}

/**
 * Node fs, image fs, inodes and memory: how full, how fast, and when full or evicting; `window` is
 * the span of samples the trends are fitted to (faces that look now and then use a longer one).
 */
export function nodeForecasts(snapshot: Snapshot, node: NodeInfo, fill: FillThreshold, window: TrendWindow = RECENT): FillForecast[] {
  const now = snapshot.takenAt;
  const eviction = evictionOf(snapshot, node.name);
  const { nodeDisk, nodeUsage } = snapshot.history;
  const disk = cached(diskTrends, snapshot.summaries.get(node.name), eviction, window, nodeDisk.revision, () =>
    diskSeries(snapshot, node, eviction),
  );
  const memory = cached(memoryTrends, snapshot.nodeUsage.get(node.name), eviction, window, nodeUsage.revision, () => {
    const series = memorySeries(snapshot, node, eviction);
    return series ? [series] : [];
  });
  return [...disk, ...memory].map((t) => forecastAt(t, now, fill));
}
