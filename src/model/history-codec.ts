import type { HistoryStore } from './history.js';

// The histories as bytes, for keeping them between runs: per object its UID, its samples' times
// (whole seconds, as the store keeps them, counted back from its newest) and values (32-bit floats,
// as the store keeps them). About 12 bytes a sample of two series, before compression.
//
//   "KMH1"  u16 server length, server (UTF-8)  f64 saved at  u8 stores
//   per store: u8 name length, name  u8 series  u32 objects
//     per object: u16 UID length, UID  u16 samples n  f64 newest time (ms)
//                 n × u32 seconds before the newest   n × series × f32 values (series by series)

const MAGIC = 'KMH1';

export interface SavedObject {
  readonly uid: string;
  /** Oldest first, epoch ms (whole seconds). */
  readonly times: readonly number[];
  /** One sample per time, each with a value per series. */
  readonly samples: readonly (readonly number[])[];
}

export interface SavedStore {
  readonly seriesCount: number;
  readonly objects: readonly SavedObject[];
}

export interface SavedHistories {
  readonly server: string;
  readonly savedAt: number;
  readonly stores: ReadonlyMap<string, SavedStore>;
}

class Writer {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  length = 0;

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }

  text(value: string, lengthBytes: 1 | 2): void {
    const bytes = new TextEncoder().encode(value);
    const max = lengthBytes === 1 ? 0xff : 0xffff;
    const cut = bytes.subarray(0, max);
    if (lengthBytes === 1) this.u8(cut.length);
    else this.u16(cut.length);
    this.room(cut.length);
    this.buffer.set(cut, this.length);
    this.length += cut.length;
  }

  u8(v: number): void {
    this.room(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }

  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  f32(v: number): void {
    this.room(4);
    this.view.setFloat32(this.length, v, true);
    this.length += 4;
  }

  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

class Reader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private take(n: number): number {
    if (this.offset + n > this.bytes.length) throw new RangeError('cut short');
    const at = this.offset;
    this.offset += n;
    return at;
  }

  text(lengthBytes: 1 | 2): string {
    const n = lengthBytes === 1 ? this.u8() : this.u16();
    const at = this.take(n);
    return new TextDecoder().decode(this.bytes.subarray(at, at + n));
  }

  u8 = () => this.view.getUint8(this.take(1));
  u16 = () => this.view.getUint16(this.take(2), true);
  u32 = () => this.view.getUint32(this.take(4), true);
  f32 = () => this.view.getFloat32(this.take(4), true);
  f64 = () => this.view.getFloat64(this.take(8), true);
}

// Objects per chunk: a chunk of a big history is about a megabyte, and the writer can let a poll
// or a key through between chunks.
const OBJECTS_PER_CHUNK = 2_000;

/**
 * The stores' newest `keep` samples of each object (all they hold by default) as bytes, a chunk at
 * a time, so 150,000 pods' history is never one buffer. A smaller `keep` is how a saved history is
 * made to fit its bound: the oldest samples go first.
 */
export function* encodeHistoryChunks(
  server: string,
  savedAt: number,
  stores: ReadonlyMap<string, HistoryStore>,
  keep = Number.MAX_SAFE_INTEGER,
): Generator<Uint8Array> {
  let w = new Writer();
  for (const ch of MAGIC) w.u8(ch.charCodeAt(0));
  w.text(server, 2);
  w.f64(savedAt);
  w.u8(stores.size);
  for (const [name, store] of stores) {
    w.text(name, 1);
    w.u8(store.seriesCount);
    const limit = Math.max(1, Math.min(keep, store.depth));
    const uids = [...store.uids()].filter((uid) => store.readTimes(uid, 1).length > 0);
    w.u32(uids.length);
    for (const [i, uid] of uids.entries()) {
      const times = store.readTimes(uid, limit);
      w.text(uid, 2);
      w.u16(times.length);
      const newest = times.at(-1) as number;
      w.f64(newest);
      for (const t of times) w.u32(Math.max(0, Math.round((newest - t) / 1000)));
      for (let s = 0; s < store.seriesCount; s++) for (const v of store.read(uid, s, limit)) w.f32(v);
      if ((i + 1) % OBJECTS_PER_CHUNK === 0) {
        yield w.bytes();
        w = new Writer();
      }
    }
  }
  yield w.bytes();
}

/** As encodeHistoryChunks, in one buffer. */
export function encodeHistories(server: string, savedAt: number, stores: ReadonlyMap<string, HistoryStore>, keep?: number): Uint8Array {
  const chunks = [...encodeHistoryChunks(server, savedAt, stores, keep)];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The histories in `bytes`; throws a plain Error (not a saved history, cut short) when they cannot be read. */
export function decodeHistories(bytes: Uint8Array): SavedHistories {
  const r = new Reader(bytes);
  try {
    const magic = String.fromCharCode(r.u8(), r.u8(), r.u8(), r.u8());
    if (magic !== MAGIC) throw new Error('not a kmon history');
    const server = r.text(2);
    const savedAt = r.f64();
    const stores = new Map<string, SavedStore>();
    for (let count = r.u8(); count > 0; count--) {
      const name = r.text(1);
      const seriesCount = r.u8();
      const objects: SavedObject[] = [];
      for (let n = r.u32(); n > 0; n--) objects.push(readObject(r, seriesCount));
      stores.set(name, { seriesCount, objects });
    }
    return { server, savedAt, stores };
  } catch (e) {
    if (e instanceof RangeError) throw new Error('cut short');
    throw e;
  }
}

function readObject(r: Reader, seriesCount: number): SavedObject {
  const uid = r.text(2);
  const n = r.u16();
  const newest = r.f64();
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(newest - r.u32() * 1000);
  const samples = times.map(() => new Array<number>(seriesCount).fill(Number.NaN));
  for (let s = 0; s < seriesCount; s++) for (let i = 0; i < n; i++) (samples[i] as number[])[s] = r.f32();
  return { uid, times, samples };
}

/** Puts the saved samples of each object under the live ones in `store` (see HistoryStore.merge). */
export function mergeSaved(store: HistoryStore, saved: SavedStore | undefined, tick: number): number {
  if (!saved || saved.seriesCount !== store.seriesCount) return 0;
  let added = 0;
  for (const o of saved.objects) added += store.merge(o.uid, o.times, o.samples, tick);
  return added;
}
