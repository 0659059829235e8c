import { KEYMAP, PROMPT_KEYMAP } from './keymap.js';
import { LEGEND } from './legend.js';
import { keyLabel, type Theme } from './theme.js';

/**
 * The help overlay's text, generated from the keymaps and the legend so it always tells the truth;
 * a replay's own keys only where they work, in kmon replay.
 */
export function helpLines(theme: Theme, replay = false): string[] {
  const row = (keys: readonly { readonly label: string }[], help: string) =>
    `  ${keys
      .map((k) => keyLabel(k.label, theme.symbols))
      .join(' ')
      .padEnd(16)} ${help}`;
  return [
    ...KEYMAP.filter((b) => replay || !b.replayOnly).map((b) => row(b.keys, b.help)),
    '',
    ' in the filter prompt (/):',
    ...PROMPT_KEYMAP.map((b) => row(b.keys, b.help)),
    '',
    `  alerts: ! warn (yellow)  ${theme.ascii ? '!!' : '‼'} crit (red)`,
    ...LEGEND.map((line) => `  ${line}`),
  ];
}
