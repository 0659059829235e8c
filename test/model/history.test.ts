import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../src/model/history.js';

/** Records values 1..n for one UID, source time and tick both equal to the value. */
function filled(depth: number, n: number, uid = 'pod-a'): HistoryStore {
  const store = new HistoryStore({ seriesCount: 2, depth });
  for (let i = 1; i <= n; i++) store.record(uid, i, i, [i, i * 10]);
  return store;
}

describe('HistoryStore', () => {
  it('reads nothing for a UID never recorded', () => {
    const store = new HistoryStore({ seriesCount: 2, depth: 4 });
    expect(store.read('nope', 0)).toEqual([]);
    expect(store.size).toBe(0);
  });

  it.each([
    // depth, samples recorded, series 0 read back (oldest first)
    [4, 1, [1]],
    [4, 3, [1, 2, 3]],
    [4, 4, [1, 2, 3, 4]],
    [4, 5, [2, 3, 4, 5]],
    [4, 6, [3, 4, 5, 6]],
    [4, 11, [8, 9, 10, 11]],
    [1, 3, [3]],
  ])('depth %d after %d samples reads %j', (depth, n, expected) => {
    const store = filled(depth, n);
    expect(store.read('pod-a', 0)).toEqual(expected);
    expect(store.read('pod-a', 1)).toEqual(expected.map((v) => v * 10));
  });

  it.each([
    // limit, asOfTick, expected: 6 samples at ticks 1..6 in a depth-4 ring (1 and 2 overwritten)
    [4, Number.POSITIVE_INFINITY, [3, 4, 5, 6]],
    [2, Number.POSITIVE_INFINITY, [5, 6]],
    [1, Number.POSITIVE_INFINITY, [6]],
    [0, Number.POSITIVE_INFINITY, []],
    [10, Number.POSITIVE_INFINITY, [3, 4, 5, 6]],
    [4, 5, [3, 4, 5]],
    [4, 4, [3, 4]],
    [1, 4, [4]],
    [4, 3, [3]],
    // everything kept was recorded after the frozen frame's tick
    [4, 2, []],
    [4, 0, []],
  ])('limit %d as of tick %d reads %j', (limit, asOfTick, expected) => {
    expect(filled(4, 6).read('pod-a', 0, limit, asOfTick)).toEqual(expected);
  });

  it('adds no sample while the source timestamp is unchanged', () => {
    const store = new HistoryStore({ seriesCount: 2, depth: 8 });
    expect(store.record('n', 1000, 1, [5, 50])).toBe(true);
    expect(store.record('n', 1000, 2, [6, 60])).toBe(false);
    expect(store.record('n', 1000, 3, [7, 70])).toBe(false);
    expect(store.record('n', 2000, 4, [8, 80])).toBe(true);
    // a clock corrected backwards is still a new measurement
    expect(store.record('n', 1500, 5, [9, 90])).toBe(true);
    expect(store.read('n', 0)).toEqual([5, 8, 9]);
  });

  it('keeps UIDs apart', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 4 });
    store.record('a', 1, 1, [1]);
    store.record('b', 1, 1, [100]);
    store.record('a', 2, 2, [2]);
    expect(store.read('a', 0)).toEqual([1, 2]);
    expect(store.read('b', 0)).toEqual([100]);
    expect(store.size).toBe(2);
  });

  it('stores a missing series value as NaN', () => {
    const store = new HistoryStore({ seriesCount: 2, depth: 4 });
    store.record('a', 1, 1, [7]);
    expect(store.read('a', 0)).toEqual([7]);
    expect(store.read('a', 1)).toEqual([Number.NaN]);
  });

  it('retain frees vanished UIDs; a UID that comes back starts a fresh history', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 4 });
    for (let t = 1; t <= 3; t++) {
      store.record('gone', t, t, [t]);
      store.record('kept', t, t, [t * 100]);
    }
    store.retain(new Set(['kept']));
    expect(store.size).toBe(1);
    expect(store.read('gone', 0)).toEqual([]);
    expect(store.read('kept', 0)).toEqual([100, 200, 300]);

    // Same source time as its last sample: still recorded, since the old history is gone.
    expect(store.record('gone', 3, 4, [42])).toBe(true);
    expect(store.read('gone', 0)).toEqual([42]);
  });

  it('a freed slot reused by another UID shows none of the old samples', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 4 });
    for (let t = 1; t <= 4; t++) store.record('old', t, t, [t]);
    store.retain(new Set());
    store.record('new', 9, 9, [99]);
    expect(store.read('new', 0)).toEqual([99]);
    expect(store.read('new', 0, 4, 5)).toEqual([]);
  });

  it('keeps every history when it grows past its initial capacity', () => {
    // The store starts with room for 64 objects; 300 interleaved writers force several doublings.
    const store = new HistoryStore({ seriesCount: 2, depth: 3 });
    const uids = Array.from({ length: 300 }, (_, i) => `pod-${i}`);
    for (let t = 1; t <= 4; t++) for (const [i, uid] of uids.entries()) store.record(uid, t, t, [i * 1000 + t, -t]);
    expect(store.size).toBe(300);
    for (const [i, uid] of uids.entries()) {
      expect(store.read(uid, 0)).toEqual([i * 1000 + 2, i * 1000 + 3, i * 1000 + 4]);
      expect(store.read(uid, 1)).toEqual([-2, -3, -4]);
    }
  });

  it('reads a paused frame correctly across the wrap of its 16-bit ticks', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 8 });
    store.record('p', 1, 65_534, [1]);
    store.record('p', 2, 65_535, [2]);
    store.record('p', 3, 65_536, [3]);
    store.record('p', 4, 65_537, [4]);
    expect(store.read('p', 0, 8, 65_535)).toEqual([1, 2]);
    expect(store.read('p', 0, 8, 65_536)).toEqual([1, 2, 3]);
    expect(store.read('p', 0)).toEqual([1, 2, 3, 4]);
  });

  it('makes room for many objects at once with reserve', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 2 });
    store.reserve(10_000);
    for (let i = 0; i < 10_000; i++) store.record(`u${i}`, 1, 1, [i]);
    expect(store.read('u9999', 0)).toEqual([9999]);
  });

  it('reads back each sample’s source time, to the second, matching what read returns', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 4 });
    const start = Date.parse('2026-06-26T10:14:07.250Z');
    for (let i = 0; i < 6; i++) store.record('p', start + i * 15_000, i + 1, [i]);
    const seconds = (i: number) => Math.floor((start + i * 15_000) / 1000) * 1000;
    expect(store.read('p', 0)).toEqual([2, 3, 4, 5]);
    expect(store.readTimes('p')).toEqual([2, 3, 4, 5].map(seconds));
    expect(store.readTimes('p', 2, 5)).toEqual([3, 4].map(seconds));
    expect(store.readTimes('nope')).toEqual([]);
  });

  it('reads times across the wrap of their 16-bit seconds (18 hours)', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 4 });
    const base = 65_530 * 1000;
    for (let i = 0; i < 4; i++) store.record('p', base + i * 4000, i + 1, [i]);
    expect(store.readTimes('p')).toEqual([0, 1, 2, 3].map((i) => base + i * 4000));
  });

  it('reads nothing for a series it does not keep', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 4 });
    store.record('p', 1, 1, [1, 2]);
    expect(store.read('p', 1)).toEqual([]);
  });

  describe('merge: history from before the live samples', () => {
    const at = (s: number) => 1_000_000_000 + s * 1000;

    it('fills a UID with none, and live samples continue it', () => {
      const store = new HistoryStore({ seriesCount: 2, depth: 8 });
      const samples = [1, 2, 3].map((v) => [v, v * 10]);
      expect(store.merge('n', [at(0), at(15), at(30)], samples, 1)).toBe(3);
      expect(store.record('n', at(45), 2, [4, 40])).toBe(true);
      expect(store.read('n', 0)).toEqual([1, 2, 3, 4]);
      expect(store.read('n', 1)).toEqual([10, 20, 30, 40]);
      expect(store.readTimes('n')).toEqual([at(0), at(15), at(30), at(45)]);
    });

    it('goes under the live samples, never between or after them', () => {
      const store = new HistoryStore({ seriesCount: 1, depth: 8 });
      store.record('n', at(60), 5, [60]);
      store.record('n', at(75), 6, [75]);
      expect(store.merge('n', [at(0), at(30), at(60), at(90)], [[0], [30], [60], [90]], 6)).toBe(2);
      expect(store.read('n', 0)).toEqual([0, 30, 60, 75]);
      expect(store.readTimes('n')).toEqual([at(0), at(30), at(60), at(75)]);
      // The newest sample is still the live one: the same time again is no new sample.
      expect(store.record('n', at(75), 7, [76])).toBe(false);
    });

    it('keeps the newest samples when old and new pass its depth', () => {
      const store = new HistoryStore({ seriesCount: 1, depth: 4 });
      store.record('n', at(100), 1, [100]);
      store.record('n', at(101), 2, [101]);
      expect(store.merge('n', [at(1), at(2), at(3), at(4)], [[1], [2], [3], [4]], 2)).toBe(2);
      expect(store.read('n', 0)).toEqual([3, 4, 100, 101]);
    });

    it('keeps the ticks of live samples, so a paused frame still hides newer ones', () => {
      const store = new HistoryStore({ seriesCount: 1, depth: 8 });
      store.record('n', at(10), 3, [10]);
      store.record('n', at(11), 4, [11]);
      store.merge('n', [at(1)], [[1]], 3);
      expect(store.read('n', 0, 8, 3)).toEqual([1, 10]);
      expect(store.read('n', 0)).toEqual([1, 10, 11]);
    });

    it('adds nothing, and changes no revision, when every sample is newer than the kept ones', () => {
      const store = new HistoryStore({ seriesCount: 1, depth: 4 });
      store.record('n', at(1), 1, [1]);
      expect(store.merge('n', [at(2)], [[2]], 1)).toBe(0);
      expect(store.revision).toBe(0);
      store.merge('other', [at(0)], [[0]], 1);
      expect(store.revision).toBe(1);
      expect([...store.uids()].sort()).toEqual(['n', 'other']);
    });
  });

  it('records by slot as by UID, and forgets what it is told to', () => {
    const store = new HistoryStore({ seriesCount: 1, depth: 4 });
    const slot = store.slot('pod-a');
    expect(store.slot('pod-a')).toBe(slot);
    store.recordAt(slot, 1, 1, [10]);
    store.record('pod-a', 2, 2, [20]);
    store.record('pod-b', 1, 1, [5]);
    expect(store.read('pod-a', 0)).toEqual([10, 20]);
    store.forget(['pod-a', 'never-seen']);
    expect([store.read('pod-a', 0), store.read('pod-b', 0), store.size]).toEqual([[], [5], 1]);
  });
});
