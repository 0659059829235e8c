import type { Snapshot } from './snapshot.js';

/**
 * The cluster's CPU as % of its allocatable, one value per metrics sample, oldest first, from the
 * nodes' own histories. Samples line up from the newest back (every node's figure comes with the
 * same metrics-server scrape); a node with a shorter history (new, or not read then) leaves that
 * sample's share out rather than counting as idle.
 */
export function clusterCpuTrend(snapshot: Pick<Snapshot, 'nodes' | 'history' | 'seq'>, points: number): number[] {
  const used = new Float64Array(points);
  const allocatable = new Float64Array(points);
  let longest = 0;
  for (const node of snapshot.nodes) {
    const values = snapshot.history.nodeUsage.read(node.uid, 0, points, snapshot.seq);
    longest = Math.max(longest, values.length);
    for (let back = 0; back < values.length; back++) {
      const value = values[values.length - 1 - back] ?? Number.NaN;
      if (!Number.isFinite(value)) continue;
      const at = points - 1 - back;
      used[at] = (used[at] ?? 0) + value;
      allocatable[at] = (allocatable[at] ?? 0) + node.allocatable.cpuMilli;
    }
  }
  const trend: number[] = [];
  for (let i = points - longest; i < points; i++) {
    const total = allocatable[i] ?? 0;
    trend.push(total > 0 ? ((used[i] ?? 0) / total) * 100 : Number.NaN);
  }
  return trend;
}
