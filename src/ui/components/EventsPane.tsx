import { Box, Text } from 'ink';
import { formatAge } from '../../model/age.js';
import { type Change, targetText } from '../../model/alerts.js';
import { levelGlyph } from '../../model/level-glyph.js';
import type { EventEntry } from '../event-entries.js';
import { fitText } from '../fit-text.js';
import { clock } from '../header-text.js';
import type { Theme } from '../theme.js';
import { visibleStart } from '../visible-window.js';

interface Props {
  readonly entries: readonly EventEntry[];
  readonly firing: number;
  readonly selected: string | null;
  readonly scrollTop: number;
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

const CHANGE: Readonly<Record<Change, string>> = {
  raised: 'raised',
  worse: 'worse',
  better: 'better',
  cleared: 'cleared',
  restarted: 'restart',
  'oom-killed': 'OOMKilled',
};

/** Lines the pane gives to entries: all but its title and the log's heading. */
export function eventsPage(height: number): number {
  return Math.max(1, height - 2);
}

function entryText(entry: EventEntry, now: number, ascii: boolean): string {
  if (entry.type === 'firing') {
    const { alert } = entry;
    const glyph = levelGlyph(alert.level, ascii).padEnd(2);
    return `${glyph} ${formatAge(now - alert.since).padStart(6)}  ${targetText(alert.target)}  ${alert.message}`;
  }
  const t = entry.transition;
  const glyph = t.change === 'cleared' || t.change === 'better' ? '  ' : levelGlyph(t.level, ascii).padEnd(2);
  // Raised: how long it had been over the line (its for:, or since its object says it began).
  const lasted = !t.durationMs ? '' : ` (${t.change === 'cleared' ? 'lasted' : 'after'} ${formatAge(t.durationMs)})`;
  return `${clock(t.at)}  ${CHANGE[t.change].padEnd(9)} ${glyph} ${targetText(t.target)}  ${t.message}${lasted}`;
}

function levelOf(entry: EventEntry) {
  if (entry.type === 'firing') return entry.alert.level;
  return entry.transition.change === 'cleared' || entry.transition.change === 'better' ? 'ok' : entry.transition.level;
}

/** Alerts firing now (worst, then longest) with their ages, then the log of changes, newest first. */
export function EventsPane({ entries, firing, selected, scrollTop, now, width, height, theme }: Props) {
  const page = eventsPage(height);
  const index = Math.max(
    0,
    entries.findIndex((e) => e.id === selected),
  );
  const start = visibleStart(entries.length, index, scrollTop, page);
  const shown = entries.slice(start, start + page);
  const logged = entries.length - firing;
  const title = ` EVENTS  ${firing} firing ${theme.symbols.separator} ${logged} in the log   (${theme.symbols.enter} go to the node or pod, Esc back)`;
  const firstLog = shown.findIndex((e) => e.type === 'log');
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fitText(title, width, 'left', theme.symbols.ellipsis)}
      </Text>
      {entries.length === 0 ? (
        <Text dimColor wrap="truncate">
          {fitText('  no alerts, and nothing in the log yet', width, 'left', theme.symbols.ellipsis)}
        </Text>
      ) : null}
      {shown.map((entry, i) => (
        <Box key={entry.id} flexDirection="column">
          {i === firstLog ? (
            <Text bold wrap="truncate">
              {fitText(' log, newest first', width, 'left', theme.symbols.ellipsis)}
            </Text>
          ) : null}
          <Text wrap="truncate" color={theme.levelColor(levelOf(entry))} inverse={start + i === index}>
            {fitText(` ${entryText(entry, now, theme.ascii)}`, width, 'left', theme.symbols.ellipsis)}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
