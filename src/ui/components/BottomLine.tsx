import { Text } from 'ink';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { parseTextFilter } from '../../model/text-filter.js';
import { fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';
import { Prompt } from './Prompt.js';

interface BottomLineProps {
  /** The filter being typed, while `/` is open; null otherwise. */
  readonly draft: string | null;
  readonly notice: string | null;
  readonly width: number;
  readonly theme: Theme;
  /** The key hints, shown when nothing else needs the line. */
  readonly hints: ReactNode;
}

/** A screen's last line: the filter being typed (with what is wrong with it), else a notice, else the keys. */
export function BottomLine({ draft, notice, width, theme, hints }: BottomLineProps) {
  const draftError = useMemo(() => (draft === null ? null : parseTextFilter(draft).error), [draft]);
  const { enter, separator, ellipsis } = theme.symbols;
  if (draft !== null) {
    const note = draftError ?? `${enter} keep ${separator} Esc clear ${separator} /regex/ for a regex`;
    return <Prompt label=" / " draft={draft} note={note} width={width} theme={theme} />;
  }
  if (notice) {
    return (
      <Text wrap="truncate" color={theme.levelColor('warn')}>
        {fitText(` ${notice}`, width, 'left', ellipsis)}
      </Text>
    );
  }
  return hints;
}
