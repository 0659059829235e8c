import { Text } from 'ink';
import { memo } from 'react';

export interface Segment {
  readonly text: string;
  readonly color?: string;
  readonly dim?: boolean;
  readonly bold?: boolean;
}

interface Props {
  readonly segments: readonly Segment[];
  readonly selected: boolean;
  /** Identity of the content; a row redraws only when it changes. */
  readonly contentKey: string;
}

function TableRowView({ segments, selected }: Props) {
  return (
    <Text wrap="truncate" inverse={selected}>
      {segments.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional cells of one row
        <Text key={i} color={s.color} dimColor={s.dim && !selected} bold={s.bold}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

export const TableRow = memo(TableRowView, (a, b) => a.contentKey === b.contentKey && a.selected === b.selected);
