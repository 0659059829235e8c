import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/model/columns.js';
import { measuredWidths } from '../../src/ui/column-widths.js';
import { snapshot } from '../helpers/records.js';

// The node pane measures its fitted columns over every node, stopping a column early once a cell
// fills its maxWidth: a width read from part of the list would go stale as the list changes.

const column = (id: string, maxWidth: number): Column<string> => ({
  id,
  title: 'T',
  fitContent: true,
  minWidth: 1,
  maxWidth,
  priority: 1,
  align: 'left',
  cell: (text) => ({ text, level: 'ok', mark: text.startsWith('!') ? ' ‼' : undefined }),
});

const context = { now: 0, ascii: false, history: snapshot().history, asOfTick: 0 };

describe('measuredWidths', () => {
  it('reads the widest cell wherever it is in the list, glyph included', () => {
    const width = measuredWidths([column('a', 40)], ['ab', 'abc', '!abcdef'], context);
    expect(width(column('a', 40))).toBe(9);
  });

  it('gives at least the maxWidth to a column some cell fills, and the title room to an empty list', () => {
    const widths = measuredWidths([column('a', 4), column('b', 40)], ['abcdefgh', 'a'], context);
    expect(widths(column('a', 4))).toBeGreaterThanOrEqual(4);
    expect(widths(column('b', 40))).toBe(8);
    expect(measuredWidths([column('a', 40)], [], context)(column('a', 40))).toBe(2);
  });
});
