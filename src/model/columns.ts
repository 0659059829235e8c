import type { Level } from './levels.js';
import type { Histories } from './snapshot.js';
import type { SortValue } from './sort.js';

/** What one table cell shows: text, the alert glyph after it, and the level to colour it. */
export interface Cell {
  readonly text: string;
  readonly level: Level;
  /** De-emphasised: unknown or not-yet-read values. */
  readonly dim?: boolean;
  /**
   * Drawn after the text (" ‼", or the blank slot where a glyph would be): without colour the
   * glyph is the only sign of an alert, so a cell too narrow for both cuts the text, never this.
   */
  readonly mark?: string;
}

/** Everything a cell draws, glyph included. */
export function cellText(cell: Cell): string {
  return cell.mark ? cell.text + cell.mark : cell.text;
}

export interface CellContext {
  readonly now: number;
  readonly ascii: boolean;
  /** Width the layout gave this column (sparklines fill it). */
  readonly width: number;
  readonly history: Histories;
  /** History samples after this snapshot are hidden, so a paused frame stays frozen. */
  readonly asOfTick: number;
  /** The top of the scale this column's rows on screen share, for columns that have one. */
  readonly scale?: number;
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
  /** Names are cut in the middle when too long, keeping the end that tells them apart. */
  readonly cutMiddle?: boolean;
  /** Takes only the room left once every other column is whole (sparklines). */
  readonly fills?: boolean;
  /** One scale for the rows on screen (sparklines of pods without a limit), read before their cells. */
  readonly scale?: (rows: readonly R[], ctx: CellContext) => number | undefined;
  /**
   * Sortable columns: their natural direction (biggest first for figures), and how to read the
   * value from a row. The pod pane has no row objects to read from; it sorts from its PodTable by
   * column id, so pod columns give only the direction.
   */
  readonly sort?: { readonly descending: boolean; readonly value?: (row: R) => SortValue };
  readonly cell: (row: R, ctx: CellContext) => Cell;
}

export const UNKNOWN_CELL: Cell = { text: '-', level: 'ok', dim: true };
