import { Text } from 'ink';
import { KEYMAP } from '../keymap.js';
import type { Theme } from '../theme.js';

/** The bottom line: one hint per bound command that has a hint word, cut to the width. */
export function KeyHints({ width, theme }: { readonly width: number; readonly theme: Theme }) {
  const hints = KEYMAP.flatMap((b) => {
    if (!b.hint) return [];
    const label = b.command === 'up' ? (theme.ascii ? 'up/dn' : '↑↓') : (b.keys[0]?.label ?? '');
    return [{ text: `${theme.ascii ? label.replace('⏎', 'enter') : label} ${b.hint.word}`, priority: b.hint.priority }];
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
