import { levelGlyph } from '../model/level-glyph.js';
import type { Level } from '../model/levels.js';

export interface AlertPart {
  readonly level: Level;
  readonly label: string;
}

/** "‼ disk 93%, ! cpu 75%": alerting parts worst first, each with its glyph; '' when all is well. */
export function alertSummary(parts: readonly AlertPart[], ascii: boolean): string {
  return parts
    .filter((p) => p.level !== 'ok')
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'crit' ? -1 : 1))
    .map((p) => `${levelGlyph(p.level, ascii)} ${p.label}`)
    .join(', ');
}
