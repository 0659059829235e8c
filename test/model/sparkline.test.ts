import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/model/sparkline.js';

// Eight heights: ▁▂▃▄▅▆▇█ (index 0..7); ASCII _.,-~=*#. A value maps to round(v / top × 7).
describe('sparkline', () => {
  it.each<[string, number[], Parameters<typeof sparkline>[1], string]>([
    ['scaled to the series maximum', [0, 1, 2, 3, 4, 5, 6, 7], { width: 8 }, '▁▂▃▄▅▆▇█'],
    ['fixed max 100 for percentages', [0, 50, 100], { width: 3, max: 100 }, '▁▅█'],
    ['values past a fixed max are clamped to the top', [150, 100], { width: 2, max: 100 }, '██'],
    ['negatives sit at the bottom', [-5, 7], { width: 2 }, '▁█'],
    ['right-aligned when shorter than the width', [7, 7], { width: 5 }, '   ██'],
    ['only the newest samples that fit', [0, 0, 0, 7, 0], { width: 2 }, '█▁'],
    ['NaN samples are gaps', [7, Number.NaN, 7], { width: 3 }, '█ █'],
    ['an all-zero series is a flat floor', [0, 0, 0], { width: 3 }, '▁▁▁'],
    ['nothing recorded yet is blank', [], { width: 4 }, '    '],
    ['ascii mode', [0, 1, 2, 3, 4, 5, 6, 7], { width: 8, ascii: true }, '_.,-~=*#'],
    ['ascii mode keeps gaps and alignment', [7, Number.NaN], { width: 3, ascii: true }, ' # '],
    ['zero width', [1, 2, 3], { width: 0 }, ''],
  ])('%s', (_, values, options, line) => {
    const out = sparkline(values, options);
    expect(out).toBe(line);
    expect([...out]).toHaveLength(Math.max(0, options.width));
  });
});
