import { HistoryStore } from '../../model/history.js';
import { PodUsageIndex } from '../../model/pod-usage-index.js';
import type { NodeInfo, NodeUsage } from '../../model/records.js';
import type { FetchedSummary, Snapshot } from '../../model/snapshot.js';
import type { CachedDisk } from './status-cache.js';

const EMPTY_HISTORY = () => new HistoryStore({ seriesCount: 1, depth: 1 });

/** Just enough of a Snapshot to build node rows from a node list, node metrics and cached disk. */
export function statusSnapshot(
  nodes: readonly NodeInfo[],
  usage: readonly NodeUsage[],
  disk: Readonly<Record<string, CachedDisk>>,
  now: number,
): Snapshot {
  const summaries = new Map<string, FetchedSummary>();
  for (const node of nodes) {
    const cached = disk[node.name];
    if (!cached) continue;
    const summary = { nodeName: node.name, usage: null, fs: cached.fs, imageFs: cached.imageFs, network: null, pods: [] };
    summaries.set(node.name, { summary, fetchedAt: cached.at });
  }
  return {
    seq: 0,
    takenAt: now,
    intervalMs: 0,
    scope: { context: '', cluster: '', server: '', namespace: null },
    nodes,
    pods: [],
    inventoryAt: now,
    // The status line reads no pods.
    podsListed: false,
    nodeUsage: new Map(usage.map((u) => [u.name, u])),
    podUsage: new PodUsageIndex(),
    metricsSource: usage.length ? 'metrics-api' : 'none',
    podMetricsSource: 'none',
    metricsAt: usage.length ? now : null,
    summaries,
    kubeletOff: null,
    problems: [],
    history: { nodeUsage: EMPTY_HISTORY(), nodeDisk: EMPTY_HISTORY(), podUsage: EMPTY_HISTORY() },
  };
}
