import type { Level } from './levels.js';
import type { Histories } from './snapshot.js';
import type { SortValue } from './sort.js';

/** What one table cell shows: text (with its alert glyph already in it) and the level to colour it. */
export interface Cell {
  readonly text: string;
  readonly level: Level;
  /** De-emphasised: unknown or not-yet-read values. */
  readonly dim?: boolean;
}

export interface CellContext {
  readonly now: number;
  readonly ascii: boolean;
  /** Width the layout gave this column (sparklines fill it). */
  readonly width: number;
  readonly history: Histories;
  /** History samples after this snapshot are hidden, so a paused frame stays frozen. */
  readonly asOfTick: number;
  /** When the object's oldest firing alert began, by UID (null: none firing), for cells that show ages. */
  readonly since?: (uid: string) => number | null;
}

export interface Column<R> {
  readonly id: string;
  readonly title: string;
  readonly minWidth: number;
  readonly maxWidth: number;
  /** Higher survives longer when the terminal is narrow. */
  readonly priority: number;
  readonly align: 'left' | 'right';
  /** Text columns (names, status) are no wider than their widest visible cell, leaving room to others. */
  readonly fitContent?: boolean;
  /**
   * Sortable columns: their natural direction (biggest first for figures), and how to read the
   * value from a row. The pod pane has no row objects to read from; it sorts from its PodTable by
   * column id, so pod columns give only the direction.
   */
  readonly sort?: { readonly descending: boolean; readonly value?: (row: R) => SortValue };
  readonly cell: (row: R, ctx: CellContext) => Cell;
}

export const UNKNOWN_CELL: Cell = { text: '-', level: 'ok', dim: true };
