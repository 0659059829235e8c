import type { Cell } from './columns.js';
import { levelGlyph } from './level-glyph.js';
import type { Level } from './levels.js';

const glyphSlot = (ascii: boolean) => (ascii ? 3 : 2);

/**
 * "48%  ", or "91% ‼" when alerting: the glyph has a slot of its own in every cell, so the figures
 * of a right-aligned column stay lined up whether or not a row alerts. Unknown is a dim "-".
 */
export function percentCell(percent: number | null, level: Level, ascii: boolean): Cell {
  if (percent === null) return placeholderCell('-', ascii);
  const glyph = levelGlyph(level, ascii);
  return { text: `${Math.trunc(percent)}%`, mark: ` ${glyph}`.padEnd(glyphSlot(ascii)), level };
}

/** A dim stand-in ("-" unknown, "…" not read yet) aligned with the figures of its column. */
export function placeholderCell(stand: string, ascii: boolean): Cell {
  return { text: stand, mark: ' '.repeat(glyphSlot(ascii)), level: 'ok', dim: true };
}
