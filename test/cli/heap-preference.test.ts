import { describe, expect, it } from 'vitest';
import { HeapPreference } from '../../src/cli/heap-preference.js';

function watched() {
  const settings: boolean[] = [];
  const heap = new HeapPreference((lean) => settings.push(lean));
  return { heap, settings };
}

describe('the live screen keeps its heap small until the clusters are big', () => {
  it('starts small, and stops favouring size once the pods on screen pass 25,000', () => {
    const { heap, settings } = watched();
    heap.start();
    heap.count('a', 1_500);
    expect(settings).toEqual([true]);
    heap.count('a', 150_000);
    expect(settings).toEqual([true, false]);
  });

  it('counts every cluster of a fleet together, and forgets one let go of', () => {
    const { heap, settings } = watched();
    heap.start();
    heap.count('a', 15_000);
    heap.count('b', 15_000);
    expect(settings).toEqual([true, false]);
    heap.count('b', 0);
    expect(settings).toEqual([true, false, true]);
  });

  it('does not flip back and forth for a cluster near the line', () => {
    const { heap, settings } = watched();
    heap.start();
    for (const pods of [25_500, 24_800, 25_200, 22_000, 25_100]) heap.count('a', pods);
    expect(settings).toEqual([true, false]);
  });
});
