import { Box, Text } from 'ink';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';

interface Props {
  readonly lines: readonly string[];
  /** First line shown: the help scrolls when the terminal is shorter than it. */
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** The help, a page at a time; what is above or below the page is counted, never silently cut. */
export function HelpOverlay({ lines, top, width, height, theme }: Props) {
  const page = Math.max(0, height - 2);
  const first = Math.max(0, Math.min(top, lines.length - page));
  const below = Math.max(0, lines.length - first - page);
  const scrolls = lines.length > page;
  const title = ` kmon keys (? or Esc to close${scrolls ? `, ${theme.symbols.upDown} scroll` : ''})`;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.accent}>
        {fitText(title, width, 'left', theme.symbols.ellipsis)}
      </Text>
      {lines.slice(first, first + page).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static lines
        <Text key={i} wrap="truncate">
          {fitText(line, width, 'left', theme.symbols.ellipsis)}
        </Text>
      ))}
      {scrolls ? (
        <Text dimColor wrap="truncate">
          {fitText(
            below ? `  +${below} more lines below` : first ? `  (end; ${first} lines above)` : '',
            width,
            'left',
            theme.symbols.ellipsis,
          )}
        </Text>
      ) : null}
    </Box>
  );
}
