// Per-object metric history in fixed-size typed ring buffers, one pool for all objects, so 150,000
// pods cost a few flat arrays instead of 150,000 little arrays. Slots are keyed by UID: a pod
// recreated under the same name starts a fresh history, and a vanished object frees its slot.

// Ticks are stored in 16 bits (2 bytes a sample instead of 4; 150,000 pods × 60 samples) and
// compared modulo 2^16: a paused frame asks about ticks a few hundred polls back at most.
const TICK_MASK = 0xffff;
// Sample times are kept the same way, in whole seconds modulo 2^16 (18 hours), and read back
// against the newest sample's full time: trends look back minutes, not hours.
const SECOND_MASK = 0xffff;

function after(sampleTick: number, asOfTick: number): boolean {
  if (asOfTick === Number.POSITIVE_INFINITY) return false;
  const ahead = (sampleTick - (asOfTick & TICK_MASK)) & TICK_MASK;
  return ahead > 0 && ahead < 0x8000;
}

export interface HistoryOptions {
  /** Values recorded together per sample, e.g. 2 for CPU and memory. */
  readonly seriesCount: number;
  /** Samples kept per object. */
  readonly depth: number;
}

export class HistoryStore {
  readonly depth: number;
  readonly seriesCount: number;
  private capacity = 0;
  private values = new Float32Array(0);
  private ticks = new Uint16Array(0);
  private seconds = new Uint16Array(0);
  private written = new Uint32Array(0);
  private sourceTime = new Float64Array(0);
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private merged = 0;

  constructor(options: HistoryOptions) {
    this.depth = options.depth;
    this.seriesCount = options.seriesCount;
    this.grow(64);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /**
   * Counts merges (samples from before the live ones: Prometheus, a saved history). Anything
   * worked out from a history and kept until a new sample comes (a trend) must look again when it
   * changes, since merging adds samples without a new newest one.
   */
  get revision(): number {
    return this.merged;
  }

  /** The UIDs with samples. */
  uids(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  /**
   * Adds a sample only when the source's own timestamp has changed: metrics-server refreshes every
   * 15 s or more while kmon polls faster, and repeating its last value would draw a false flat line.
   * A timestamp that moves backwards (a source whose clock was corrected) is still a new sample.
   * `tick` tags the sample so a frozen (paused) frame can read history as it was.
   */
  record(uid: string, sourceTime: number, tick: number, sample: readonly number[]): boolean {
    return this.recordAt(this.slotFor(uid), sourceTime, tick, sample);
  }

  /** The object's slot, made if it has none; it stays the object's until forget or retain frees it. */
  slot(uid: string): number {
    return this.slotFor(uid);
  }

  /** `record` by slot, for callers that keep the slots of the objects they record poll after poll. */
  recordAt(slot: number, sourceTime: number, tick: number, sample: readonly number[]): boolean {
    if (this.written[slot] !== 0 && sourceTime === this.sourceTime[slot]) return false;
    this.put(slot, sourceTime, tick, sample);
    this.sourceTime[slot] = sourceTime;
    return true;
  }

  private put(slot: number, sourceTime: number, tick: number, sample: readonly number[]): void {
    const written = this.written[slot] ?? 0;
    const pos = written % this.depth;
    for (let s = 0; s < this.seriesCount; s++) {
      this.values[(slot * this.seriesCount + s) * this.depth + pos] = sample[s] ?? Number.NaN;
    }
    this.ticks[slot * this.depth + pos] = tick & TICK_MASK;
    this.seconds[slot * this.depth + pos] = Math.floor(sourceTime / 1000) & SECOND_MASK;
    this.written[slot] = written + 1;
  }

  /** Oldest-first samples of one series, at most `limit` of them, ignoring samples after `asOfTick`. */
  read(uid: string, series: number, limit = this.depth, asOfTick = Number.POSITIVE_INFINITY): number[] {
    const slot = this.slotOf.get(uid);
    if (slot === undefined || series >= this.seriesCount) return [];
    const { start, end } = this.range(slot, limit, asOfTick);
    const base = (slot * this.seriesCount + series) * this.depth;
    const out: number[] = [];
    for (let i = start; i < end; i++) out.push(this.values[base + (i % this.depth)] ?? Number.NaN);
    return out;
  }

  /**
   * The source times (epoch ms, to the second) of the samples `read` returns with the same
   * arguments, for trends that need to know how far apart the samples are.
   */
  readTimes(uid: string, limit = this.depth, asOfTick = Number.POSITIVE_INFINITY): number[] {
    const slot = this.slotOf.get(uid);
    if (slot === undefined) return [];
    const { start, end } = this.range(slot, limit, asOfTick);
    const newest = Math.floor((this.sourceTime[slot] ?? 0) / 1000);
    const out: number[] = [];
    for (let i = start; i < end; i++) {
      const back = (newest - (this.seconds[slot * this.depth + (i % this.depth)] ?? 0)) & SECOND_MASK;
      out.push((newest - back) * 1000);
    }
    return out;
  }

  /**
   * Adds samples measured before the oldest one kept (or all of them, to a UID with none): a
   * history fetched or saved earlier goes under the live samples and never between or after them,
   * whose own times the live figures continue. `times` must rise; `tick` tags the added samples as
   * `record` does. Keeps the newest `depth`; answers how many were added.
   */
  merge(uid: string, times: readonly number[], samples: readonly (readonly number[])[], tick: number): number {
    const slot = this.slotFor(uid);
    const kept = this.range(slot, this.depth, Number.POSITIVE_INFINITY);
    const oldTimes = this.readTimes(uid);
    const before = oldTimes[0] ?? Number.POSITIVE_INFINITY;
    let count = 0;
    while (count < times.length && (times[count] as number) < before) count++;
    if (count === 0) return 0;
    const old = { times: oldTimes, ticks: [] as number[], values: [] as number[][] };
    for (let i = kept.start; i < kept.end; i++) old.ticks.push(this.ticks[slot * this.depth + (i % this.depth)] ?? 0);
    for (let s = 0; s < this.seriesCount; s++) old.values.push(this.read(uid, s));
    const newest = this.written[slot] ? (this.sourceTime[slot] ?? 0) : (times[count - 1] as number);
    const total = Math.min(this.depth, count + old.times.length);
    const skip = count + old.times.length - total;
    this.written[slot] = 0;
    for (let i = skip; i < count + old.times.length; i++) {
      const fresh = i < count;
      const at = fresh ? (times[i] as number) : (old.times[i - count] as number);
      const sample = fresh ? (samples[i] ?? []) : old.values.map((series) => series[i - count] ?? Number.NaN);
      this.put(slot, at, fresh ? tick : (old.ticks[i - count] ?? 0), sample);
    }
    this.sourceTime[slot] = newest;
    this.merged++;
    return Math.max(0, count - skip);
  }

  private range(slot: number, limit: number, asOfTick: number): { start: number; end: number } {
    const written = this.written[slot] ?? 0;
    let end = written;
    const oldest = Math.max(0, written - this.depth);
    while (end > oldest && after(this.ticks[slot * this.depth + ((end - 1) % this.depth)] ?? 0, asOfTick)) end--;
    return { start: Math.max(oldest, end - limit), end };
  }

  /** Makes room for `count` objects in one step rather than by repeated doubling and copying. */
  reserve(count: number): void {
    if (count > this.capacity) this.grow(count);
  }

  /** Frees the history of these objects. */
  forget(uids: Iterable<string>): void {
    for (const uid of uids) {
      const slot = this.slotOf.get(uid);
      if (slot === undefined) continue;
      this.slotOf.delete(uid);
      this.written[slot] = 0;
      this.free.push(slot);
    }
  }

  /** Frees the history of every object not in `live`. */
  retain(live: ReadonlySet<string>): void {
    for (const [uid, slot] of this.slotOf) {
      if (live.has(uid)) continue;
      this.slotOf.delete(uid);
      this.written[slot] = 0;
      this.free.push(slot);
    }
  }

  private slotFor(uid: string): number {
    const known = this.slotOf.get(uid);
    if (known !== undefined) return known;
    if (this.free.length === 0) this.grow(Math.ceil(this.capacity * 1.5));
    const slot = this.free.pop() as number;
    this.slotOf.set(uid, slot);
    return slot;
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    this.values = enlarged(this.values, new Float32Array(capacity * this.seriesCount * this.depth));
    this.ticks = enlarged(this.ticks, new Uint16Array(capacity * this.depth));
    this.seconds = enlarged(this.seconds, new Uint16Array(capacity * this.depth));
    this.written = enlarged(this.written, new Uint32Array(capacity));
    this.sourceTime = enlarged(this.sourceTime, new Float64Array(capacity));
    this.capacity = capacity;
    for (let slot = capacity - 1; slot >= old; slot--) this.free.push(slot);
  }
}

function enlarged<T extends Float32Array | Float64Array | Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
