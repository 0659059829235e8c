import { Text } from 'ink';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';

interface Props {
  readonly label: string;
  readonly draft: string;
  readonly note: string;
  readonly width: number;
  readonly theme: Theme;
}

/** The filter prompt that stands in for the hint line while typing. */
export function Prompt({ label, draft, note, width, theme }: Props) {
  const cursor = theme.symbols.cursor;
  return (
    <Text wrap="truncate">
      <Text bold color={theme.accent}>
        {label}
      </Text>
      {fitText(`${draft}${cursor}  ${note}`, Math.max(0, width - label.length), 'left', theme.symbols.ellipsis)}
    </Text>
  );
}
