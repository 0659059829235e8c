import { Text } from 'ink';
import { type Command, KEYMAP } from '../keymap.js';
import { keyLabel, type Theme } from '../theme.js';

// In a detail view only these keys do anything worth a hint; "back" is the one to find.
const DETAIL_HINTS: ReadonlyMap<Command, string> = new Map([
  ['back', 'back'],
  ['up', 'previous/next row'],
  ['pause', 'pause'],
  ['replay-back', '±1m'],
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

// In the events pane: move, go to the object, and leave.
const EVENTS_HINTS: ReadonlyMap<Command, string> = new Map([
  ['back', 'back'],
  ['up', 'move'],
  ['detail', 'go to node or pod'],
  ['events', 'close'],
  ['help', 'help'],
  ['quit', 'quit'],
]);

// A replay's seeking keys are hinted in pairs: "[ ] ±1m".
const PAIRED: ReadonlyMap<Command, Command> = new Map<Command, Command>([
  ['replay-back', 'replay-forward'],
  ['replay-back-far', 'replay-forward-far'],
  ['replay-start', 'replay-end'],
]);

interface Props {
  readonly width: number;
  readonly theme: Theme;
  readonly detail: boolean;
  readonly events?: boolean;
  /** In the fleet view, or on one cluster of a fleet (where Esc goes back to it). */
  readonly fleet?: 'view' | 'cluster';
  /** kmon replay: its seeking keys are hinted too. */
  readonly replay?: boolean;
}

function wordFor(command: Command, hint: string | undefined, { detail, events, fleet }: Props): string | undefined {
  if (events) return EVENTS_HINTS.get(command);
  if (detail) return DETAIL_HINTS.get(command);
  return fleet === 'view' ? FLEET_HINTS.get(command) : hint;
}

/** The bottom line: one hint per bound command that has a hint word, cut to the width. */
export function KeyHints(props: Props) {
  const { width, theme, detail, events = false, fleet, replay = false } = props;
  const hints = KEYMAP.flatMap((b) => {
    if (b.replayOnly && !replay) return [];
    if (fleet === 'cluster' && b.command === 'back' && !detail && !events) return [{ text: 'Esc fleet', priority: 85 }];
    const word = wordFor(b.command, b.hint?.word, props);
    if (!word) return [];
    const pair = PAIRED.get(b.command);
    const second = pair ? KEYMAP.find((p) => p.command === pair)?.keys[0]?.label : undefined;
    const first = keyLabel(b.keys[0]?.label ?? '', theme.symbols);
    const label = b.command === 'up' ? theme.symbols.upDown : second ? `${first} ${second}` : first;
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
