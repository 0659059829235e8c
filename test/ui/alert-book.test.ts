import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { AlertBook } from '../../src/ui/alert-book.js';
import { clusterSnapshot, NOW } from './ui-fixture.js';

const at = (seq: number, seconds: number, memoryBoost = 0) => ({ ...clusterSnapshot(seq, memoryBoost), takenAt: NOW + seconds * 1000 });

describe('AlertBook: the live screen’s alert state', () => {
  it('moves on once per snapshot, however often a frame asks', () => {
    const book = new AlertBook(DEFAULT_THRESHOLDS);
    const first = at(1, 0);
    const state = book.observe(first, null);
    expect(book.observe(first, null)).toBe(state);
    // node-a's CPU waits out its for:, then fires dated from the first sight.
    expect(state.firing.map((a) => a.key)).not.toContain('node/uid-node-a|cpu');
    const later = book.observe(at(2, 31), null);
    expect(later.firing.find((a) => a.key === 'node/uid-node-a|cpu')?.since).toBe(NOW);
  });

  it('answers a paused frame with the state as it was when its snapshot came in', () => {
    const book = new AlertBook(DEFAULT_THRESHOLDS);
    const frozen = at(1, 0);
    const then = book.observe(frozen, null);
    book.observe(at(2, 31), null);
    expect(book.at(frozen)).toBe(then);
  });

  it('follows a pod’s alert down until it clears, though the pod no longer alerts by itself', () => {
    const book = new AlertBook(DEFAULT_THRESHOLDS);
    // app-11: 100 + 11×60 + 300 = 1060 MiB of a 1 GiB limit, then back to 760 MiB.
    const over = book.observe(at(1, 0, 300), null);
    expect(over.firing.some((a) => a.key === 'pod/uid-app-11|memory')).toBe(true);
    const back = book.observe(at(2, 10), null);
    expect(back.firing.some((a) => a.key === 'pod/uid-app-11|memory')).toBe(false);
    expect(back.log.filter((t) => t.key === 'pod/uid-app-11|memory').map((t) => t.change)).toEqual(['cleared', 'raised']);
  });
});
