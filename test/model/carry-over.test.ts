import { describe, expect, it } from 'vitest';
import { carriedOver, NOT_CARRIED } from '../../src/model/carry-over.js';

const items = (...names: string[]) => names.map((name) => ({ name }));

describe('carriedOver: where each item was in the previous list, when it is the same object', () => {
  const before = items('a', 'b', 'c', 'd', 'e', 'f');
  const [a, b, c, d, e, f] = before as [
    { name: string },
    { name: string },
    { name: string },
    { name: string },
    { name: string },
    { name: string },
  ];
  const fresh = { name: 'x' };

  it.each<[string, { name: string }[], number[]]>([
    ['the same list', before, [0, 1, 2, 3, 4, 5]],
    ['one replaced by a newer object', [a, b, fresh, d, e, f], [0, 1, NOT_CARRIED, 3, 4, 5]],
    ['one gone', [a, c, d, e, f], [0, 2, 3, 4, 5]],
    ['three in a row gone', [a, e, f], [0, 4, 5]],
    ['one added at the end', [...before, fresh], [0, 1, 2, 3, 4, 5, NOT_CARRIED]],
    ['one added in the middle', [a, b, fresh, c, d, e, f], [0, 1, NOT_CARRIED, 2, 3, 4, 5]],
  ])('%s', (_, after, expected) => {
    expect([...carriedOver(after, before)]).toEqual(expected);
  });

  it('finds nothing in an empty list', () => {
    expect([...carriedOver([a, b], [])]).toEqual([NOT_CARRIED, NOT_CARRIED]);
  });

  it('finds only what it claims: any index it gives holds the same object', () => {
    const after = [...before].reverse();
    const at = carriedOver(after, before);
    for (const [i, k] of at.entries()) if (k !== NOT_CARRIED) expect(before[k]).toBe(after[i]);
  });
});
