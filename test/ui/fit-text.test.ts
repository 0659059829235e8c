import { describe, expect, it } from 'vitest';
import { fitCell } from '../../src/ui/fit-text.js';

describe('fitCell: an alert glyph is never cut', () => {
  it.each([
    ['CrashLoopBackOff', ' ‼', 20, 'left', 'CrashLoopBackOff ‼  '],
    ['CrashLoopBackOff', ' ‼', 17, 'left', 'CrashLoopBackOff‼'],
    ['CrashLoopBackOff', ' ‼', 10, 'left', 'CrashLoo…‼'],
    ['Ready,Disk', ' !!', 10, 'left', 'Ready,D…!!'],
    ['100%', ' !!', 6, 'right', '100%!!'],
    ['93%', ' ‼', 6, 'right', ' 93% ‼'],
    ['48%', '  ', 6, 'right', '  48%  '.slice(1)],
    ['Running', '', 5, 'left', 'Runn…'],
  ] as const)('%s%s in %i columns (%s): "%s"', (text, mark, columns, align, expected) => {
    expect(fitCell(text, mark, columns, align)).toBe(expected);
  });

  it('a column too narrow for text and glyph still shows exactly its width', () => {
    expect(fitCell('NotReady', ' ‼', 2, 'left')).toHaveLength(2);
    expect(fitCell('NotReady', ' ‼', 0, 'left')).toBe('');
  });
});
