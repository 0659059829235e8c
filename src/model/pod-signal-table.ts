import { type Level, levelRank } from './levels.js';
import { podLimits, podRequests } from './pod-resources.js';
import { ephemeralFigure, podKubeletData } from './pod-signals.js';
import type { PodSortKey } from './pod-table.js';
import { worstPressure } from './pressure.js';
import type { PodInfo } from './records.js';
import type { FetchedSummary, FetchedThrottling, Snapshot } from './snapshot.js';
import { levelOf, type Thresholds } from './thresholds.js';

const LEVELS: readonly Level[] = ['ok', 'warn', 'crit'];

interface Sources {
  readonly fetched: FetchedSummary | undefined;
  readonly throttling: FetchedThrottling | undefined;
}

interface Columns {
  readonly throttled: Float64Array;
  readonly ephemeralPercent: Float64Array;
  readonly level: Uint8Array;
}

/**
 * Throttling and ephemeral storage of every pod as flat columns (NaN unknown), for sorting by THR%
 * and EPH%, the problem filter and the alert counts. Kubelets are read a few at a time, so a new
 * table recomputes only the pods of nodes whose summary or cAdvisor read changed since the last.
 */
export class PodSignalTable {
  private constructor(
    private readonly pods: readonly PodInfo[],
    private readonly thresholds: Thresholds,
    private readonly byNode: ReadonlyMap<string, readonly number[]>,
    private readonly sources: ReadonlyMap<string, Sources>,
    private readonly columns: Columns,
  ) {}

  /** The table for this snapshot, reusing `previous` for the nodes nothing new was read of. */
  static of(snapshot: Snapshot, thresholds: Thresholds, previous: PodSignalTable | null): PodSignalTable {
    const { pods } = snapshot;
    const reuse = previous !== null && previous.pods === pods && previous.thresholds === thresholds;
    const byNode = reuse ? previous.byNode : podsByNode(pods);
    const n = pods.length;
    const columns: Columns = reuse
      ? {
          throttled: previous.columns.throttled.slice(),
          ephemeralPercent: previous.columns.ephemeralPercent.slice(),
          level: previous.columns.level.slice(),
        }
      : {
          throttled: new Float64Array(n).fill(Number.NaN),
          ephemeralPercent: new Float64Array(n).fill(Number.NaN),
          level: new Uint8Array(n),
        };
    const sources = new Map<string, Sources>();
    for (const [node, indices] of byNode) {
      const now: Sources = { fetched: snapshot.summaries.get(node), throttling: snapshot.kubelet?.throttling.get(node) };
      sources.set(node, now);
      const was = reuse ? previous.sources.get(node) : undefined;
      if (was && was.fetched === now.fetched && was.throttling === now.throttling) continue;
      for (const i of indices) fill(columns, i, pods[i] as PodInfo, snapshot, thresholds);
    }
    return new PodSignalTable(pods, thresholds, byNode, sources, columns);
  }

  levelOf(i: number): Level {
    return LEVELS[this.columns.level[i] ?? 0] ?? 'ok';
  }

  /** Sort keys of the kubelet's pod columns; null for the others. */
  sortKey(column: string): PodSortKey | null {
    if (column === 'thr%') return { numbers: this.columns.throttled };
    if (column === 'eph%') return { numbers: this.columns.ephemeralPercent };
    return null;
  }
}

function podsByNode(pods: readonly PodInfo[]): Map<string, number[]> {
  const byNode = new Map<string, number[]>();
  pods.forEach((pod, i) => {
    if (pod.nodeName === null) return;
    const list = byNode.get(pod.nodeName);
    if (list) list.push(i);
    else byNode.set(pod.nodeName, [i]);
  });
  return byNode;
}

function fill(columns: Columns, i: number, pod: PodInfo, snapshot: Snapshot, thresholds: Thresholds): void {
  const data = podKubeletData(pod, snapshot);
  const throttled = data.throttling?.figure?.percent ?? null;
  const ephemeral = ephemeralFigure(data.stats, podRequests(pod.containers), podLimits(pod.containers), thresholds);
  columns.throttled[i] = throttled ?? Number.NaN;
  columns.ephemeralPercent[i] = ephemeral?.percent ?? Number.NaN;
  const pressure = worstPressure(data.stats?.pressure)?.percent ?? null;
  columns.level[i] = Math.max(
    levelRank(levelOf(throttled, thresholds.throttling)),
    levelRank(ephemeral?.level ?? 'ok'),
    levelRank(levelOf(pressure, thresholds.pressure)),
  );
}
