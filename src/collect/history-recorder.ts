import { carriedOver, NOT_CARRIED } from '../model/carry-over.js';
import { diskFigure, inodePercent } from '../model/disk.js';
import { NO_ROW, type PodUsageIndex } from '../model/pod-usage-index.js';
import type { NodeInfo, NodeUsage, PodInfo } from '../model/records.js';
import type { FetchedSummary, Histories } from '../model/snapshot.js';

const NO_SLOT = -1;

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
  private nodes: readonly NodeInfo[] | null = null;
  private pods: readonly PodInfo[] = [];
  /** Each pod's history slot, by position in `pods` (NO_SLOT: not known yet). */
  private slots = new Int32Array(0);
  private podUsage: PodUsageIndex | null = null;

  constructor(private readonly history: Histories) {}

  record(input: HistoryInput): void {
    this.recordNodes(input);
    const podsChanged = input.pods !== this.pods;
    if (podsChanged) this.takePods(input.pods);
    if (!podsChanged && input.podUsage === this.podUsage) return;
    this.podUsage = input.podUsage;
    this.recordPods(input);
  }

  /**
   * A new pod list: slots carried over for the pods that are the same objects, and the history of
   * pods gone freed. Only pods not carried over are looked at by UID, not all 150,000.
   */
  private takePods(pods: readonly PodInfo[]): void {
    const store = this.history.podUsage;
    store.reserve(pods.length);
    const at = carriedOver(pods, this.pods);
    const slots = new Int32Array(pods.length).fill(NO_SLOT);
    const kept = new Uint8Array(this.pods.length);
    const arrived = new Set<string>();
    for (let i = 0; i < pods.length; i++) {
      const k = at[i] as number;
      if (k === NOT_CARRIED) arrived.add((pods[i] as PodInfo).uid);
      else {
        kept[k] = 1;
        slots[i] = this.slots[k] as number;
      }
    }
    const gone: string[] = [];
    for (let k = 0; k < this.pods.length; k++) {
      const uid = (this.pods[k] as PodInfo).uid;
      if (kept[k] === 0 && !arrived.has(uid)) gone.push(uid);
    }
    store.forget(gone);
    this.pods = pods;
    this.slots = slots;
  }

  private recordPods({ seq, podUsage }: HistoryInput): void {
    const { pods, slots } = this;
    const store = this.history.podUsage;
    const rows = podUsage.rowsOf(pods);
    // One sample array for every pod: the store copies the figures out of it.
    const sample = [0, 0];
    for (let i = 0; i < pods.length; i++) {
      const row = rows[i] as number;
      const timestamp = podUsage.timestamp(row);
      if (row === NO_ROW || !Number.isFinite(timestamp)) continue;
      let slot = slots[i] as number;
      if (slot === NO_SLOT) {
        slot = store.slot((pods[i] as PodInfo).uid);
        slots[i] = slot;
      }
      sample[0] = podUsage.cpuMilli(row);
      sample[1] = podUsage.memoryBytes(row);
      store.recordAt(slot, timestamp, seq, sample);
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
    if (nodes === this.nodes) return;
    this.nodes = nodes;
    const live = new Set(nodes.map((n) => n.uid));
    history.nodeUsage.retain(live);
    history.nodeDisk.retain(live);
  }
}
