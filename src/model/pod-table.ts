import { type Level, levelRank, worstLevel } from './levels.js';
import { OOM_WATCH_PERCENT, oomForecast } from './oom-forecast.js';
import type { PodFactsCache } from './pod-facts.js';
import { percentOf } from './pod-resources.js';
import { buildPodRow, type PodRow } from './pod-row.js';
import { NO_ROW } from './pod-usage-index.js';
import type { PodInfo, PodUsage } from './records.js';
import type { Snapshot } from './snapshot.js';
import { levelOf, type Thresholds } from './thresholds.js';

const LEVELS: readonly Level[] = ['ok', 'warn', 'crit'];

export type PodSortKey =
  | { readonly numbers: Float64Array; readonly strings?: never }
  | { readonly strings: (i: number) => string; readonly numbers?: never };

/**
 * Every pod of a snapshot as flat columns (typed arrays, NaN for unknown) rather than 150,000 row
 * objects: the figures sorting, filtering and alert counts need, about 50 bytes a pod. Full rows
 * are built only for the pods on screen.
 */
export class PodTable {
  readonly size: number;
  /** Each pod's row in the snapshot's pod usage (NO_ROW: none). */
  private readonly usageRows: Int32Array;
  private readonly status: string[];
  private readonly statusLevel: Uint8Array;
  private readonly level: Uint8Array;
  private readonly restarts: Uint32Array;
  private readonly cpu: Float64Array;
  private readonly memory: Float64Array;
  private readonly cpuOfLimit: Float64Array;
  private readonly memoryOfLimit: Float64Array;
  private ages: Float64Array | null = null;

  constructor(
    private readonly snapshot: Snapshot,
    private readonly thresholds: Thresholds,
    facts: PodFactsCache,
    private readonly now: number,
  ) {
    const { pods } = snapshot;
    const n = pods.length;
    this.size = n;
    const usage = snapshot.podUsage;
    this.usageRows = usage.rowsOf(pods);
    this.status = new Array(n);
    this.statusLevel = new Uint8Array(n);
    this.level = new Uint8Array(n);
    this.restarts = new Uint32Array(n);
    this.cpu = new Float64Array(n);
    this.memory = new Float64Array(n);
    this.cpuOfLimit = new Float64Array(n);
    this.memoryOfLimit = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const pod = pods[i] as PodInfo;
      const f = facts.facts(pod, now);
      const row = this.usageRows[i] as number;
      const cpu = row === NO_ROW ? null : usage.cpuMilli(row);
      const memory = row === NO_ROW ? null : usage.memoryBytes(row);
      const cpuLevel = levelOf(percentOf(cpu, f.limits.cpuMilli), thresholds.cpu);
      const memoryLevel = levelOf(percentOf(memory, f.limits.memoryBytes), thresholds.memory);
      // Only pods near their memory limit have a trend worked out: the object made here is for those.
      const near = memory !== null && f.limits.memoryBytes !== null && memory >= (f.limits.memoryBytes * OOM_WATCH_PERCENT) / 100;
      const memoryNow = near ? { bytes: memory, scrape: usage } : null;
      const oom = oomForecast(snapshot.history, snapshot.seq, pod.uid, memoryNow, f.limits.memoryBytes, thresholds.fill, now);
      this.status[i] = f.status;
      this.statusLevel[i] = levelRank(f.statusLevel);
      this.restarts[i] = f.restarts;
      this.level[i] = levelRank(worstLevel(f.statusLevel, cpuLevel, memoryLevel, oom?.level ?? 'ok'));
      this.cpu[i] = cpu ?? Number.NaN;
      this.memory[i] = memory ?? Number.NaN;
      this.cpuOfLimit[i] = percentOf(cpu, f.limits.cpuMilli) ?? Number.NaN;
      this.memoryOfLimit[i] = percentOf(memory, f.limits.memoryBytes) ?? Number.NaN;
    }
  }

  // Age as a figure that grows with it (youngest first when ascending); built on the first sort by age.
  private agesKey(): Float64Array {
    if (!this.ages) {
      this.ages = new Float64Array(this.size);
      for (let i = 0; i < this.size; i++) this.ages[i] = -this.pod(i).createdAt;
    }
    return this.ages;
  }

  pod(i: number): PodInfo {
    return this.snapshot.pods[i] as PodInfo;
  }

  /** The pod list the table's positions index. */
  get pods(): readonly PodInfo[] {
    return this.snapshot.pods;
  }

  uid(i: number): string {
    return this.pod(i).uid;
  }

  levelOf(i: number): Level {
    return LEVELS[this.level[i] ?? 0] ?? 'ok';
  }

  /** The STATUS column's text and level (the pod's own state, not its CPU or memory). */
  statusOf(i: number): { readonly text: string; readonly level: Level } {
    return { text: this.status[i] ?? '', level: LEVELS[this.statusLevel[i] ?? 0] ?? 'ok' };
  }

  /** Whether the pod needs a look: not Running (a Completed job is fine), or alerting. */
  hasProblem(i: number): boolean {
    const status = this.status[i];
    return this.level[i] !== 0 || (status !== 'Running' && status !== 'Completed');
  }

  restartsOf(i: number): number {
    return this.restarts[i] ?? 0;
  }

  /** What the `/` filter searches: namespace, name, node and status. */
  searchable(i: number): readonly string[] {
    const pod = this.pod(i);
    return [pod.namespace, pod.name, pod.nodeName ?? '<none>', this.status[i] ?? ''];
  }

  usageOf(i: number): PodUsage | null {
    const row = this.usageRows[i] ?? NO_ROW;
    return row === NO_ROW ? null : this.snapshot.podUsage.usage(row);
  }

  /** Position of the pod with this UID, or -1. */
  indexOf(uid: string): number {
    for (let i = 0; i < this.size; i++) if (this.uid(i) === uid) return i;
    return -1;
  }

  /** Full rows of the pods that pass `test` (e.g. one node's, for its detail view). */
  rowsWhere(test: (pod: PodInfo) => boolean): PodRow[] {
    const rows: PodRow[] = [];
    for (let i = 0; i < this.size; i++) if (test(this.pod(i))) rows.push(this.row(i));
    return rows;
  }

  /** The full row, for a pod on screen or in a detail view. */
  row(i: number): PodRow {
    return buildPodRow(this.pod(i), this.snapshot, this.thresholds, this.now);
  }

  /**
   * How to sort by a column: figures as a typed array by pod index (NaN for unknown), read straight
   * by the sort; names and statuses by a function. null for columns that do not sort.
   */
  sortKey(column: string): PodSortKey | null {
    switch (column) {
      case 'namespace':
        return { strings: (i) => this.pod(i).namespace };
      case 'name':
        return { strings: (i) => this.pod(i).name };
      case 'node':
        return { strings: (i) => this.pod(i).nodeName ?? '<none>' };
      case 'status':
        return { strings: (i) => `${this.level[i]}${this.status[i]}` };
      case 'restarts':
        return { numbers: Float64Array.from(this.restarts) };
      case 'cpu':
        return { numbers: this.cpu };
      case 'cpu%l':
        return { numbers: this.cpuOfLimit };
      case 'mem':
        return { numbers: this.memory };
      case 'mem%l':
        return { numbers: this.memoryOfLimit };
      case 'age':
        return { numbers: this.agesKey() };
      default:
        return null;
    }
  }
}

/**
 * The PodTable for each snapshot, reused while the pods and their usage are the same objects: a
 * frame redrawn for new disk figures, or on a poll that found no newer metrics, costs nothing here.
 */
export class PodTables {
  private readonly facts: PodFactsCache;
  private last: { table: PodTable; pods: Snapshot['pods']; usage: Snapshot['podUsage']; thresholds: Thresholds } | null = null;

  constructor(facts: PodFactsCache) {
    this.facts = facts;
  }

  for(snapshot: Snapshot, thresholds: Thresholds): PodTable {
    const last = this.last;
    if (last && last.pods === snapshot.pods && last.usage === snapshot.podUsage && last.thresholds === thresholds) return last.table;
    const table = new PodTable(snapshot, thresholds, this.facts, snapshot.takenAt);
    this.last = { table, pods: snapshot.pods, usage: snapshot.podUsage, thresholds };
    return table;
  }
}
