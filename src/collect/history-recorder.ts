import { diskFigure, inodePercent } from '../model/disk.js';
import type { PodUsageIndex } from '../model/pod-usage-index.js';
import type { NodeInfo, NodeUsage, PodInfo } from '../model/records.js';
import type { FetchedSummary, Histories } from '../model/snapshot.js';

export interface HistoryInput {
  readonly seq: number;
  readonly nodes: readonly NodeInfo[];
  readonly pods: readonly PodInfo[];
  readonly nodeUsage: ReadonlyMap<string, NodeUsage>;
  readonly podUsage: PodUsageIndex;
  readonly summaries: ReadonlyMap<string, FetchedSummary>;
}

/**
 * Adds each frame's samples to the per-UID histories and frees those of vanished objects. Pod
 * work is skipped when neither the pod list nor the pod usage changed since the last frame (most
 * frames at scale: metrics-server moves every 15 s, kmon draws more often).
 */
export class HistoryRecorder {
  private pods: readonly PodInfo[] | null = null;
  private podUsage: PodUsageIndex | null = null;

  constructor(private readonly history: Histories) {}

  record(input: HistoryInput): void {
    this.recordNodes(input);
    const podsChanged = input.pods !== this.pods;
    if (podsChanged) {
      this.pods = input.pods;
      this.history.podUsage.reserve(input.pods.length);
      this.history.podUsage.retain(new Set(input.pods.map((p) => p.uid)));
    }
    if (!podsChanged && input.podUsage === this.podUsage) return;
    this.podUsage = input.podUsage;
    for (const pod of input.pods) {
      const usage = input.podUsage.get(pod.namespace, pod.name);
      if (usage && Number.isFinite(usage.timestamp))
        this.history.podUsage.record(pod.uid, usage.timestamp, input.seq, [usage.cpuMilli, usage.memoryBytes]);
    }
  }

  private recordNodes({ seq, nodes, nodeUsage, summaries }: HistoryInput): void {
    const { history } = this;
    history.nodeUsage.reserve(nodes.length);
    history.nodeDisk.reserve(nodes.length);
    for (const node of nodes) {
      const usage = nodeUsage.get(node.name);
      if (usage && Number.isFinite(usage.timestamp))
        history.nodeUsage.record(node.uid, usage.timestamp, seq, [usage.cpuMilli, usage.memoryBytes]);
      const fetched = summaries.get(node.name);
      const fs = fetched?.summary.fs ?? null;
      const disk = diskFigure(fs);
      // Stamped with the kubelet's own time where it gives one: a kubelet read twice between its
      // stats updates says the same thing twice, and trends need to know when it was measured.
      if (fetched && disk)
        history.nodeDisk.record(node.uid, fs?.time ?? fetched.fetchedAt, seq, [
          disk.percent,
          diskFigure(fetched.summary.imageFs)?.percent ?? Number.NaN,
          inodePercent(fs) ?? Number.NaN,
        ]);
    }
    const live = new Set(nodes.map((n) => n.uid));
    history.nodeUsage.retain(live);
    history.nodeDisk.retain(live);
  }
}
