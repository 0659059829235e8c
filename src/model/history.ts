// Per-object metric history in fixed-size typed ring buffers, one pool for all objects, so 150,000
// pods cost a few flat arrays instead of 150,000 little arrays. Slots are keyed by UID: a pod
// recreated under the same name starts a fresh history, and a vanished object frees its slot.

// Ticks are stored in 16 bits (2 bytes a sample instead of 4; 150,000 pods × 60 samples) and
// compared modulo 2^16: a paused frame asks about ticks a few hundred polls back at most.
const TICK_MASK = 0xffff;

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
  private written = new Uint32Array(0);
  private sourceTime = new Float64Array(0);
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];

  constructor(options: HistoryOptions) {
    this.depth = options.depth;
    this.seriesCount = options.seriesCount;
    this.grow(64);
  }

  get size(): number {
    return this.slotOf.size;
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
    const written = this.written[slot] ?? 0;
    const pos = written % this.depth;
    for (let s = 0; s < this.seriesCount; s++) {
      this.values[(slot * this.seriesCount + s) * this.depth + pos] = sample[s] ?? Number.NaN;
    }
    this.ticks[slot * this.depth + pos] = tick & TICK_MASK;
    this.written[slot] = written + 1;
    this.sourceTime[slot] = sourceTime;
    return true;
  }

  /** Oldest-first samples of one series, at most `limit` of them, ignoring samples after `asOfTick`. */
  read(uid: string, series: number, limit = this.depth, asOfTick = Number.POSITIVE_INFINITY): number[] {
    const slot = this.slotOf.get(uid);
    if (slot === undefined) return [];
    const written = this.written[slot] ?? 0;
    let end = written;
    const oldest = Math.max(0, written - this.depth);
    while (end > oldest && after(this.ticks[slot * this.depth + ((end - 1) % this.depth)] ?? 0, asOfTick)) end--;
    const start = Math.max(oldest, end - limit);
    const base = (slot * this.seriesCount + series) * this.depth;
    const out: number[] = [];
    for (let i = start; i < end; i++) out.push(this.values[base + (i % this.depth)] ?? Number.NaN);
    return out;
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
