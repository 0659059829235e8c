import { describe, expect, it } from 'vitest';
import { PodPositions } from '../../src/model/pod-positions.js';
import { podInfo } from '../helpers/records.js';

describe('PodPositions', () => {
  const pods = ['a', 'b', 'c', 'd'].map((name) => podInfo(name));

  it('finds each UID in the list, ascending, leaving out UIDs not in it', () => {
    expect(new PodPositions().of(new Set(['uid-d', 'uid-x', 'uid-b']), pods)).toEqual([1, 3]);
  });

  it('reads a new list afresh, and a UID first sought later in the same list', () => {
    const positions = new PodPositions();
    expect(positions.of(new Set(['uid-c']), pods)).toEqual([2]);
    expect(positions.of(new Set(['uid-c', 'uid-a']), pods)).toEqual([0, 2]);
    const moved = [pods[2], pods[0]].filter((p) => p !== undefined);
    expect(positions.of(new Set(['uid-c', 'uid-a']), moved)).toEqual([0, 1]);
  });
});
