import { levelGlyph } from '../model/level-glyph.js';
import type { Level } from '../model/levels.js';

export interface AlertPart {
  readonly level: Level;
  readonly label: string;
}

export interface SummaryStyle {
  readonly ascii: boolean;
  /** Colour each part (a terminal that takes colour); the glyphs mark levels either way. */
  readonly color: boolean;
}

const SGR: Readonly<Record<Level, string>> = { ok: '', warn: '\x1b[33m', crit: '\x1b[1;31m' };

/** "‼ disk 93%, ! cpu 75%": alerting parts worst first, each with its glyph; '' when all is well. */
export function alertSummary(parts: readonly AlertPart[], style: SummaryStyle): string {
  return parts
    .filter((p) => p.level !== 'ok')
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'crit' ? -1 : 1))
    .map((p) => {
      const text = `${levelGlyph(p.level, style.ascii)} ${p.label}`;
      return style.color ? `${SGR[p.level]}${text}\x1b[0m` : text;
    })
    .join(', ');
}
