import { Box, Text } from 'ink';
import { fitText } from '../fit-text.js';
import { KEYMAP } from '../keymap.js';
import { LEGEND } from '../legend.js';
import { keyLabel, type Theme } from '../theme.js';

/** Help generated from the keymap itself, so it always tells the truth. */
export function HelpOverlay({ width, height, theme }: { readonly width: number; readonly height: number; readonly theme: Theme }) {
  const lines = KEYMAP.map((b) => {
    const keys = b.keys.map((k) => keyLabel(k.label, theme.symbols)).join(' ');
    return `  ${keys.padEnd(16)} ${b.help}`;
  });
  const legend = [`  alerts: ! warn (yellow)  ${theme.ascii ? '!!' : '‼'} crit (red)`, ...LEGEND.map((line) => `  ${line}`)];
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.accent}>
        {fitText(' kmon keys (? or Esc to close)', width, 'left', theme.symbols.ellipsis)}
      </Text>
      {[...lines, '', ...legend].slice(0, Math.max(0, height - 1)).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static lines
        <Text key={i} wrap="truncate">
          {fitText(line, width, 'left', theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
