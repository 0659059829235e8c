import { NO_KEY, PodKeys } from './pod-keys.js';
import type { ContainerUsage, PodInfo, PodUsage } from './records.js';

/**
 * One list of pods' usage as flat columns, a row per pod and a row per container: 150,000 pods in
 * a few typed arrays rather than half a million small objects the garbage collector walks again
 * and again, and which can pass between threads without being copied.
 */
export interface PodUsageColumns {
  /** The pod's number in the index's PodKeys, per pod row. */
  readonly keys: Int32Array;
  readonly cpuMilli: Float64Array;
  readonly memoryBytes: Float64Array;
  /** When the source measured the pod; NaN where it did not say. */
  readonly timestamp: Float64Array;
  /** Pod row r's containers are the container rows from containerStart[r] to containerStart[r + 1]. */
  readonly containerStart: Uint32Array;
  /** The container name's number in the index's PodKeys, per container row. */
  readonly containerName: Uint32Array;
  readonly containerCpuMilli: Float64Array;
  readonly containerMemoryBytes: Float64Array;
}

export const NO_ROW = -1;

const EMPTY: PodUsageColumns = {
  keys: new Int32Array(0),
  cpuMilli: new Float64Array(0),
  memoryBytes: new Float64Array(0),
  timestamp: new Float64Array(0),
  containerStart: new Uint32Array(1),
  containerName: new Uint32Array(0),
  containerCpuMilli: new Float64Array(0),
  containerMemoryBytes: new Float64Array(0),
};

/**
 * Pod usage by namespace and name, read as columns: the hot paths (the pod table, history) ask
 * for rows by position in the pod list (rowsOf, matched once per list); the rest asks for PodUsage
 * records (get, usage), made when first asked for and kept. Filled once, then only read.
 */
export class PodUsageIndex {
  private rowOfKey: Int32Array | null = null;
  private distinct = 0;
  private matched: { readonly pods: readonly PodInfo[]; readonly rows: Int32Array } | null = null;
  private readonly made = new Map<number, PodUsage>();

  constructor(
    readonly keys: PodKeys = new PodKeys(),
    private readonly columns: PodUsageColumns = EMPTY,
  ) {}

  /** An index of these records (a later record of the same pod replaces an earlier one). */
  static of(items: Iterable<PodUsage>, keys: PodKeys = new PodKeys()): PodUsageIndex {
    const builder = new PodUsageBuilder(keys);
    for (const item of items) {
      builder.pod(item.namespace, item.name, item.cpuMilli, item.memoryBytes, item.timestamp);
      for (const c of item.containers) builder.container(c.name, c.cpuMilli, c.memoryBytes);
    }
    return builder.build();
  }

  /** How many pods have usage here. */
  get size(): number {
    this.byKey();
    return this.distinct;
  }

  /** The row of the pod's usage, or NO_ROW. */
  rowOf(namespace: string, name: string): number {
    return this.rowOfId(this.keys.idOf(namespace, name));
  }

  /** The row of each pod's usage (NO_ROW where none), by position in `pods`; kept for the last list. */
  rowsOf(pods: readonly PodInfo[]): Int32Array {
    if (this.matched?.pods === pods) return this.matched.rows;
    const ids = this.keys.idsOf(pods);
    const rows = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) rows[i] = this.rowOfId(ids[i] as number);
    this.matched = { pods, rows };
    return rows;
  }

  cpuMilli(row: number): number {
    return this.columns.cpuMilli[row] ?? Number.NaN;
  }

  memoryBytes(row: number): number {
    return this.columns.memoryBytes[row] ?? Number.NaN;
  }

  timestamp(row: number): number {
    return this.columns.timestamp[row] ?? Number.NaN;
  }

  /** The row as a record, the same object each time it is asked for. */
  usage(row: number): PodUsage {
    let usage = this.made.get(row);
    if (!usage) {
      usage = this.record(row);
      this.made.set(row, usage);
    }
    return usage;
  }

  get(namespace: string, name: string): PodUsage | undefined {
    const row = this.rowOf(namespace, name);
    return row === NO_ROW ? undefined : this.usage(row);
  }

  /** The newest time any pod was measured (-Infinity for none). */
  newest(): number {
    const times = this.columns.timestamp;
    let newest = Number.NEGATIVE_INFINITY;
    for (let row = 0; row < times.length; row++) if ((times[row] as number) > newest) newest = times[row] as number;
    return newest;
  }

  *values(): IterableIterator<PodUsage> {
    const { keys } = this.columns;
    for (let row = 0; row < keys.length; row++) if (this.rowOfId(keys[row] as number) === row) yield this.usage(row);
  }

  private rowOfId(id: number): number {
    if (id === NO_KEY) return NO_ROW;
    return this.byKey()[id] ?? NO_ROW;
  }

  // Built on first use: a later row of the same pod wins, as a map's set would.
  private byKey(): Int32Array {
    if (this.rowOfKey) return this.rowOfKey;
    const { keys } = this.columns;
    let length = 0;
    for (let row = 0; row < keys.length; row++) length = Math.max(length, (keys[row] as number) + 1);
    const rowOfKey = new Int32Array(length).fill(NO_ROW);
    for (let row = 0; row < keys.length; row++) {
      const id = keys[row] as number;
      if (rowOfKey[id] === NO_ROW) this.distinct++;
      rowOfKey[id] = row;
    }
    this.rowOfKey = rowOfKey;
    return rowOfKey;
  }

  private record(row: number): PodUsage {
    const c = this.columns;
    const id = c.keys[row] as number;
    const containers: ContainerUsage[] = [];
    for (let k = c.containerStart[row] as number; k < (c.containerStart[row + 1] as number); k++) {
      containers.push({
        name: this.keys.containerName(c.containerName[k] as number),
        cpuMilli: c.containerCpuMilli[k] as number,
        memoryBytes: c.containerMemoryBytes[k] as number,
      });
    }
    return {
      namespace: this.keys.namespaceOf(id),
      name: this.keys.nameOf(id),
      cpuMilli: this.cpuMilli(row),
      memoryBytes: this.memoryBytes(row),
      timestamp: this.timestamp(row),
      containers,
    };
  }
}

/** Fills columns pod by pod, each pod's containers right after it. */
export class PodUsageBuilder {
  private rows = 0;
  private containerRows = 0;
  private keyColumn = new Int32Array(1024);
  private cpu = new Float64Array(1024);
  private memory = new Float64Array(1024);
  private time = new Float64Array(1024);
  private start = new Uint32Array(1025);
  private containerName = new Uint32Array(1024);
  private containerCpu = new Float64Array(1024);
  private containerMemory = new Float64Array(1024);

  constructor(readonly keys: PodKeys) {}

  pod(namespace: string, name: string, cpuMilli: number, memoryBytes: number, timestamp: number): void {
    const row = this.rows;
    if (row === this.keyColumn.length) this.growPods();
    this.keyColumn[row] = this.keys.add(namespace, name);
    this.cpu[row] = cpuMilli;
    this.memory[row] = memoryBytes;
    this.time[row] = timestamp;
    this.rows++;
    this.start[this.rows] = this.containerRows;
  }

  /** A container of the pod added last. */
  container(name: string, cpuMilli: number, memoryBytes: number): void {
    const row = this.containerRows;
    if (row === this.containerName.length) this.growContainers();
    this.containerName[row] = this.keys.addContainer(name);
    this.containerCpu[row] = cpuMilli;
    this.containerMemory[row] = memoryBytes;
    this.containerRows++;
    this.start[this.rows] = this.containerRows;
  }

  /** The columns, each exactly as long as its rows. */
  columns(): PodUsageColumns {
    return {
      keys: this.keyColumn.slice(0, this.rows),
      cpuMilli: this.cpu.slice(0, this.rows),
      memoryBytes: this.memory.slice(0, this.rows),
      timestamp: this.time.slice(0, this.rows),
      containerStart: this.start.slice(0, this.rows + 1),
      containerName: this.containerName.slice(0, this.containerRows),
      containerCpuMilli: this.containerCpu.slice(0, this.containerRows),
      containerMemoryBytes: this.containerMemory.slice(0, this.containerRows),
    };
  }

  build(): PodUsageIndex {
    return new PodUsageIndex(this.keys, this.columns());
  }

  private growPods(): void {
    const size = this.keyColumn.length * 2;
    this.keyColumn = grown(this.keyColumn, new Int32Array(size));
    this.cpu = grown(this.cpu, new Float64Array(size));
    this.memory = grown(this.memory, new Float64Array(size));
    this.time = grown(this.time, new Float64Array(size));
    this.start = grown(this.start, new Uint32Array(size + 1));
  }

  private growContainers(): void {
    const size = this.containerName.length * 2;
    this.containerName = grown(this.containerName, new Uint32Array(size));
    this.containerCpu = grown(this.containerCpu, new Float64Array(size));
    this.containerMemory = grown(this.containerMemory, new Float64Array(size));
  }
}

function grown<T extends Int32Array | Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
