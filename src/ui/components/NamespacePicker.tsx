import { Box, Text } from 'ink';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';
import { visibleStart } from '../visible-window.js';

interface Props {
  readonly namespaces: readonly (string | null)[];
  readonly index: number;
  readonly current: string | null;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

export function NamespacePicker({ namespaces, index, current, width, height, theme }: Props) {
  const page = Math.max(1, height - 1);
  const start = visibleStart(namespaces.length, index, 0, page);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.accent}>
        {fitText(
          ` namespace (${theme.symbols.upDown} choose, ${theme.symbols.enter} select, Esc or q cancel)`,
          width,
          'left',
          theme.symbols.ellipsis,
        )}
      </Text>
      {namespaces.slice(start, start + page).map((ns, i) => {
        const name = ns ?? 'all namespaces';
        const mark = ns === current ? ' (current)' : '';
        return (
          <Text key={name} inverse={start + i === index} wrap="truncate">
            {fitText(`  ${name}${mark}`, width, 'left', theme.symbols.ellipsis)}
          </Text>
        );
      })}
    </Box>
  );
}
