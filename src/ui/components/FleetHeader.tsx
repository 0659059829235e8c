import { Text } from 'ink';
import type { FleetRow } from '../../model/fleet-row.js';
import { clock } from '../header-text.js';
import type { Theme } from '../theme.js';
import { fitParts, type Part } from './Header.js';

interface Props {
  readonly rows: readonly FleetRow[];
  readonly now: number;
  /** Poll interval of the clusters on screen, and of the others. */
  readonly intervalMs: number;
  readonly backgroundMs: number;
  readonly width: number;
  readonly theme: Theme;
}

/** "⎈ fleet  3 clusters  ✗ 1 unreadable  ▲ 4 crit 2 warn  every 5s · 14:02:31", least important parts dropped first. */
export function FleetHeader({ rows, now, intervalMs, backgroundMs, width, theme }: Props) {
  const { symbols } = theme;
  const down = rows.filter((r) => r.down).length;
  const crit = rows.reduce((n, r) => n + r.crit, 0);
  const warn = rows.reduce((n, r) => n + r.warn, 0);
  const parts: Part[] = [
    { text: `${symbols.cluster} fleet`, priority: 90, color: theme.accent, bold: true },
    { text: `${rows.length} cluster${rows.length === 1 ? '' : 's'}`, priority: 80 },
    crit + warn === 0
      ? { text: `${symbols.allClear} no alerts`, priority: 95 }
      : { text: `${symbols.alerts} ${crit} crit ${warn} warn`, priority: 95, color: theme.levelColor(crit ? 'crit' : 'warn'), bold: true },
    { text: `every ${intervalMs / 1000}s (off screen ${backgroundMs / 1000}s) ${symbols.separator} ${clock(now)}`, priority: 20 },
  ];
  if (down) parts.splice(2, 0, { text: `${symbols.down} ${down} unreadable`, priority: 96, color: theme.levelColor('crit'), bold: true });
  return (
    <Text wrap="truncate">
      {fitParts(parts, width).map((p) => (
        <Text key={p.text} color={p.color} bold={p.bold}>
          {p.text}
          {'  '}
        </Text>
      ))}
    </Text>
  );
}
