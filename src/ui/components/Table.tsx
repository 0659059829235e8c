import { Box, Text } from 'ink';
import type { PlacedColumn } from '../../model/column-layout.js';
import type { CellContext } from '../../model/columns.js';
import type { SortState } from '../../model/pane-order.js';
import { fitCell, fitText } from '../fit-text.js';
import type { Theme } from '../theme.js';
import { type Segment, TableRow } from './TableRow.js';

export interface TableProps<R> {
  readonly placed: readonly PlacedColumn<R>[];
  /** Only the rows on screen: rendering cost must not grow with the cluster. */
  readonly rows: readonly R[];
  /** Each row's key (its UID), in the same order. */
  readonly keys: readonly string[];
  readonly selected: string | null;
  readonly focused: boolean;
  readonly sort: SortState;
  readonly context: Omit<CellContext, 'width'>;
  readonly theme: Theme;
}

function headerLine<R>(placed: readonly PlacedColumn<R>[], sort: SortState, theme: Theme): string {
  const arrow = sort.descending ? theme.symbols.descending : theme.symbols.ascending;
  return placed
    .map(({ column, width }) =>
      fitText(column.id === sort.column ? `${column.title}${arrow}` : column.title, width, column.align, theme.symbols.ellipsis),
    )
    .join(' ');
}

/** Each column's context: its width, and the scale its rows on screen share, if it has one. */
function columnContexts<R>(placed: readonly PlacedColumn<R>[], rows: readonly R[], context: Omit<CellContext, 'width'>): CellContext[] {
  return placed.map(({ column, width }) => {
    const own = { ...context, width };
    return column.scale ? { ...own, scale: column.scale(rows, own) } : own;
  });
}

function rowSegments<R>(row: R, placed: readonly PlacedColumn<R>[], contexts: readonly CellContext[], theme: Theme): Segment[] {
  const segments: Segment[] = [];
  placed.forEach(({ column, width }, i) => {
    const cell = column.cell(row, contexts[i] as CellContext);
    segments.push({
      text:
        (i ? ' ' : '') +
        fitCell(cell.text, cell.mark ?? '', width, column.align, theme.symbols.ellipsis, column.cutMiddle ? 'middle' : 'end'),
      color: theme.levelColor(cell.level),
      dim: cell.dim,
      bold: cell.level === 'crit',
    });
  });
  return segments;
}

export function Table<R>({ placed, rows, keys, selected, focused, sort, context, theme }: TableProps<R>) {
  const contexts = columnContexts(placed, rows, context);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" bold color={focused ? theme.accent : undefined}>
        {headerLine(placed, sort, theme)}
      </Text>
      {rows.map((row, i) => {
        const key = keys[i] ?? String(i);
        const segments = rowSegments(row, placed, contexts, theme);
        const contentKey = segments.map((s) => `${s.text}\u0000${s.color ?? ''}${s.dim ? 1 : 0}`).join('\u0001');
        return <TableRow key={key} segments={segments} selected={focused && key === selected} contentKey={contentKey} />;
      })}
    </Box>
  );
}
