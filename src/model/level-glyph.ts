import type { Level } from './levels.js';

// Every alerting cell carries a glyph, so its meaning survives NO_COLOR, monochrome terminals and
// colour-blind eyes. Shared by the live screen and the text faces.
const UNICODE: Readonly<Record<Level, string>> = { ok: '', warn: '!', crit: '‼' };
const ASCII: Readonly<Record<Level, string>> = { ok: '', warn: '!', crit: '!!' };

export function levelGlyph(level: Level, ascii = false): string {
  return (ascii ? ASCII : UNICODE)[level];
}
