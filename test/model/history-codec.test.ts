import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../src/model/history.js';
import { decodeHistories, encodeHistories, mergeSaved } from '../../src/model/history-codec.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');

function stores(): Map<string, HistoryStore> {
  const usage = new HistoryStore({ seriesCount: 2, depth: 6 });
  const disk = new HistoryStore({ seriesCount: 3, depth: 6 });
  for (let i = 0; i < 8; i++) {
    usage.record('node-a', T0 + i * 15_000, i + 1, [100 + i, 2 ** 30 + i]);
    disk.record('node-a', T0 + i * 30_000, i + 1, [50 + i / 4, Number.NaN, 10]);
  }
  usage.record('node-b', T0, 1, [7, 8]);
  return new Map([
    ['nodeUsage', usage],
    ['nodeDisk', disk],
  ]);
}

describe('saved histories as bytes', () => {
  it('read back as kept: times to the second, values as 32-bit floats, NaN kept', () => {
    const saved = decodeHistories(encodeHistories('https://10.0.0.1:6443', T0 + 99, stores()));
    expect(saved.server).toBe('https://10.0.0.1:6443');
    expect(saved.savedAt).toBe(T0 + 99);
    const usage = saved.stores.get('nodeUsage');
    expect(usage?.seriesCount).toBe(2);
    const a = usage?.objects.find((o) => o.uid === 'node-a');
    expect(a?.times).toEqual([2, 3, 4, 5, 6, 7].map((i) => T0 + i * 15_000));
    expect(a?.samples.map((s) => s[0])).toEqual([102, 103, 104, 105, 106, 107]);
    expect(a?.samples[0]?.[1]).toBe(2 ** 30);
    expect(saved.stores.get('nodeDisk')?.objects[0]?.samples[0]).toEqual([50.5, Number.NaN, 10]);
  });

  it('keeps only the newest samples of each object when asked to fit', () => {
    const saved = decodeHistories(encodeHistories('s', T0, stores(), 2));
    expect(
      saved.stores
        .get('nodeUsage')
        ?.objects.find((o) => o.uid === 'node-a')
        ?.samples.map((s) => s[0]),
    ).toEqual([106, 107]);
  });

  it('merges into a fresh store under what it has since recorded', () => {
    const saved = decodeHistories(encodeHistories('s', T0, stores()));
    const store = new HistoryStore({ seriesCount: 2, depth: 10 });
    store.record('node-a', T0 + 600_000, 1, [500, 0]);
    expect(mergeSaved(store, saved.stores.get('nodeUsage'), 1)).toBe(7);
    expect(store.read('node-a', 0)).toEqual([102, 103, 104, 105, 106, 107, 500]);
    expect(store.read('node-b', 1)).toEqual([8]);
    // A store of another shape (a newer kmon's) is left alone.
    expect(mergeSaved(new HistoryStore({ seriesCount: 3, depth: 4 }), saved.stores.get('nodeUsage'), 1)).toBe(0);
  });

  it.each([
    ['foreign bytes', new TextEncoder().encode('{"version":1}'), 'not a kmon history'],
    ['a file cut short', encodeHistories('s', T0, stores()).subarray(0, 60), 'cut short'],
    ['nothing', new Uint8Array(0), 'cut short'],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => decodeHistories(bytes)).toThrow(message);
  });
});
