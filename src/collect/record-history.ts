import { diskFigure } from '../model/disk.js';
import type { NodeInfo, NodeUsage, PodInfo, PodUsage } from '../model/records.js';
import { type FetchedSummary, type Histories, podKey } from '../model/snapshot.js';

export interface HistoryInput {
  readonly seq: number;
  readonly nodes: readonly NodeInfo[];
  readonly pods: readonly PodInfo[];
  readonly nodeUsage: ReadonlyMap<string, NodeUsage>;
  readonly podUsage: ReadonlyMap<string, PodUsage>;
  readonly summaries: ReadonlyMap<string, FetchedSummary>;
}

/** Adds this poll's samples to the per-UID histories and frees those of vanished objects. */
export function recordHistory(history: Histories, input: HistoryInput): void {
  const { seq } = input;
  for (const node of input.nodes) {
    const usage = input.nodeUsage.get(node.name);
    if (usage && Number.isFinite(usage.timestamp))
      history.nodeUsage.record(node.uid, usage.timestamp, seq, [usage.cpuMilli, usage.memoryBytes]);
    const fetched = input.summaries.get(node.name);
    const disk = diskFigure(fetched?.summary.fs ?? null);
    if (fetched && disk) history.nodeDisk.record(node.uid, fetched.fetchedAt, seq, [disk.percent]);
  }
  for (const pod of input.pods) {
    const usage = input.podUsage.get(podKey(pod.namespace, pod.name));
    if (usage && Number.isFinite(usage.timestamp))
      history.podUsage.record(pod.uid, usage.timestamp, seq, [usage.cpuMilli, usage.memoryBytes]);
  }
  const nodeUids = new Set(input.nodes.map((n) => n.uid));
  history.nodeUsage.retain(nodeUids);
  history.nodeDisk.retain(nodeUids);
  history.podUsage.retain(new Set(input.pods.map((p) => p.uid)));
}
