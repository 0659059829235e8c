import { Text } from 'ink';
import { type Command, KEYMAP } from '../keymap.js';
import { keyLabel, type Theme } from '../theme.js';

// In a detail view only these keys do anything worth a hint; "back" is the one to find.
const DETAIL_HINTS: ReadonlyMap<Command, string> = new Map([
  ['back', 'back'],
  ['up', 'previous/next row'],
  ['pause', 'pause'],
  ['help', 'help'],
  ['quit', 'quit'],
]);

// The fleet view: one row per cluster; Enter opens it.
const FLEET_HINTS: ReadonlyMap<Command, string> = new Map([
  ['help', 'help'],
  ['up', 'move'],
  ['detail', 'open'],
  ['sort-next', 'sort'],
  ['filter', 'filter'],
  ['context', 'context'],
  ['sort-reverse', 'reverse'],
  ['quit', 'quit'],
]);

interface Props {
  readonly width: number;
  readonly theme: Theme;
  readonly detail: boolean;
  /** In the fleet view, or on one cluster of a fleet (where Esc goes back to it). */
  readonly fleet?: 'view' | 'cluster';
}

/** The bottom line: one hint per bound command that has a hint word, cut to the width. */
export function KeyHints({ width, theme, detail, fleet }: Props) {
  const hints = KEYMAP.flatMap((b) => {
    if (fleet === 'cluster' && b.command === 'back' && !detail) return [{ text: 'Esc fleet', priority: 85 }];
    const word = detail ? DETAIL_HINTS.get(b.command) : fleet === 'view' ? FLEET_HINTS.get(b.command) : b.hint?.word;
    if (!word) return [];
    const label = b.command === 'up' ? theme.symbols.upDown : keyLabel(b.keys[0]?.label ?? '', theme.symbols);
    return [{ text: `${label} ${word}`, priority: b.hint?.priority ?? 100 }];
  });
  const length = () => hints.reduce((n, h) => n + h.text.length + 2, 0);
  while (hints.length > 1 && length() > width) {
    const lowest = hints.reduce((a, b) => (b.priority < a.priority ? b : a));
    hints.splice(hints.indexOf(lowest), 1);
  }
  const line = ` ${hints.map((h) => h.text).join('  ')}`;
  return (
    <Text wrap="truncate" color={theme.muted}>
      {line}
    </Text>
  );
}
