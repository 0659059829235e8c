import type { Cell } from './columns.js';
import { levelGlyph } from './level-glyph.js';
import type { Level } from './levels.js';

/** A status ("CrashLoopBackOff ‼") whose glyph, when it alerts, survives the text being cut. */
export function statusCell(text: string, level: Level, ascii: boolean): Cell {
  return level === 'ok' ? { text, level } : { text, mark: ` ${levelGlyph(level, ascii)}`, level };
}
