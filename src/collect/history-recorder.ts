import { diskFigure } from '../model/disk.js';
import { NO_ROW, type PodUsageIndex } from '../model/pod-usage-index.js';
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
    this.recordPods(input);
  }

  private recordPods({ seq, pods, podUsage }: HistoryInput): void {
    const rows = podUsage.rowsOf(pods);
    // One sample array for every pod: the store copies the figures out of it.
    const sample = [0, 0];
    for (let i = 0; i < pods.length; i++) {
      const row = rows[i] as number;
      const timestamp = podUsage.timestamp(row);
      if (row === NO_ROW || !Number.isFinite(timestamp)) continue;
      sample[0] = podUsage.cpuMilli(row);
      sample[1] = podUsage.memoryBytes(row);
      this.history.podUsage.record((pods[i] as PodInfo).uid, timestamp, seq, sample);
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
      const disk = diskFigure(fetched?.summary.fs ?? null);
      if (fetched && disk) history.nodeDisk.record(node.uid, fetched.fetchedAt, seq, [disk.percent]);
    }
    const live = new Set(nodes.map((n) => n.uid));
    history.nodeUsage.retain(live);
    history.nodeDisk.retain(live);
  }
}
