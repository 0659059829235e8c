import { describe, expect, it } from 'vitest';
import { layoutColumns } from '../../src/model/column-layout.js';
import type { Column } from '../../src/model/columns.js';

const column = (id: string, minWidth: number, maxWidth: number, priority: number, fills = false): Column<unknown> => ({
  id,
  title: id,
  minWidth,
  maxWidth,
  priority,
  align: 'left',
  fitContent: !fills,
  fills,
  cell: () => ({ text: '', level: 'ok' }),
});

// A pod pane in miniature: a long NAME, a NODE that needs a little more, a sparkline.
const COLUMNS = [column('name', 24, 38, 100), column('status', 10, 18, 85), column('node', 8, 14, 35), column('spark', 6, 10, 30, true)];
const widths = (width: number) => Object.fromEntries(layoutColumns(COLUMNS, width).map((p) => [p.column.id, p.width]));

describe('layoutColumns', () => {
  it('never exceeds the width, dropping the least important columns first', () => {
    for (let width = 1; width <= 120; width++) {
      const placed = layoutColumns(COLUMNS, width);
      expect(placed.reduce((n, p) => n + p.width, Math.max(0, placed.length - 1))).toBeLessThanOrEqual(width);
    }
    expect(Object.keys(widths(44))).toEqual(['name', 'status', 'node']);
  });

  it('makes a status whole before a name, which stays telling when cut in the middle', () => {
    // NAME and STATUS each 8 short; without cutting in the middle, NAME (more important) would win.
    const columns = [column('name', 24, 32, 100), column('status', 10, 18, 85), column('spark', 6, 10, 30, true)];
    const named = columns.map((c) => (c.id === 'name' ? { ...c, cutMiddle: true } : c));
    const place = (list: readonly Column<unknown>[]) =>
      Object.fromEntries(layoutColumns(list, 24 + 10 + 6 + 2 + 8).map((p) => [p.column.id, p.width]));
    expect(place(columns)).toEqual({ name: 32, status: 10, spark: 6 });
    expect(place(named)).toEqual({ name: 24, status: 18, spark: 6 });
  });

  it('makes whole the columns that need little before one long name takes the room', () => {
    // 14 spare columns: STATUS (8) and NODE (6) whole rather than NAME 14 longer.
    expect(widths(24 + 10 + 8 + 6 + 3 + 14)).toEqual({ name: 24, status: 18, node: 14, spark: 6 });
    // More room goes to the most important column that is still cut, then to the sparkline.
    expect(widths(24 + 10 + 8 + 6 + 3 + 20)).toEqual({ name: 30, status: 18, node: 14, spark: 6 });
    expect(widths(24 + 10 + 8 + 6 + 3 + 30)).toEqual({ name: 38, status: 18, node: 14, spark: 8 });
  });

  it('a column that yields gives way, whatever its priority, while a status would be cut; not when there is room', () => {
    const columns = [
      column('name', 24, 24, 100),
      column('status', 10, 18, 85),
      { ...column('eph', 6, 6, 90), fitContent: false, yields: true },
    ];
    const place = (width: number) => Object.fromEntries(layoutColumns(columns, width).map((p) => [p.column.id, p.width]));
    // 24 + 10 + 6 + 2 gaps = 42: STATUS would stay 8 short, so EPH% gives way
    expect(place(44)).toEqual({ name: 24, status: 18 });
    // room for both: EPH% stays
    expect(place(24 + 18 + 6 + 2)).toEqual({ name: 24, status: 18, eph: 6 });
  });
});
