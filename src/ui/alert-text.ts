import { formatAge } from '../model/age.js';
import type { Alert } from '../model/alerts.js';
import { levelGlyph } from '../model/level-glyph.js';
import type { Theme } from './theme.js';

/** " alerts   ‼ disk 93% 12m · ! memory 87% 3m": an object's firing alerts and how long each has lasted. */
export function alertsLine(alerts: readonly Alert[], now: number, theme: Theme): string {
  const each = alerts.map((a) => `${levelGlyph(a.level, theme.ascii)} ${a.message} ${formatAge(Math.max(0, now - a.since))}`);
  return ` alerts   ${each.join(` ${theme.symbols.separator} `)}`;
}
