import { Box, Text } from 'ink';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';
import { visibleStart } from '../visible-window.js';

interface Props {
  readonly contexts: readonly string[];
  readonly picked: string | null;
  /** The context on screen, marked in the list; null in the fleet view. */
  readonly current: string | null;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** The kubeconfig's contexts, as the namespace picker lists namespaces; choosing one switches cluster. */
export function ContextPicker({ contexts, picked, current, width, height, theme }: Props) {
  const page = Math.max(1, height - 1);
  const index = Math.max(0, contexts.indexOf(picked ?? ''));
  const start = visibleStart(contexts.length, index, 0, page);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.accent}>
        {fitText(
          ` context (${theme.symbols.upDown} choose, ${theme.symbols.enter} switch, Esc or q cancel)`,
          width,
          'left',
          theme.symbols.ellipsis,
        )}
      </Text>
      {contexts.slice(start, start + page).map((name, i) => (
        <Text key={name} inverse={start + i === index} wrap="truncate">
          {fitText(`  ${name}${name === current ? ' (current)' : ''}`, width, 'left', theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
