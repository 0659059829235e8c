import { Box, Text } from 'ink';
import { fitToContent, layoutColumns } from '../../model/column-layout.js';
import type { CellContext, Column } from '../../model/columns.js';
import type { SortState } from '../../model/pane-order.js';
import type { ContentWidth } from '../column-widths.js';
import { fitText } from '../fit-text.js';
import type { RowList } from '../row-list.js';
import type { Theme } from '../theme.js';
import { visibleStart } from '../visible-window.js';
import { Table } from './Table.js';

export interface PaneProps<R> {
  readonly title: string;
  /** Scope and filter words shown after the title. */
  readonly scope: string;
  readonly columns: readonly Column<R>[];
  /** Every row in display order; only the visible slice is built and rendered. */
  readonly rows: RowList<R>;
  readonly selected: string | null;
  readonly scrollTop: number;
  readonly sort: SortState;
  /** Said before the sort column when an order comes first ("alerts, "). */
  readonly sortLead?: string;
  readonly focused: boolean;
  readonly width: number;
  /** Lines this pane may use, title and header included. */
  readonly height: number;
  readonly context: Omit<CellContext, 'width'>;
  readonly theme: Theme;
  /** Shown instead of rows when there are none (e.g. why the list is empty). */
  readonly empty: string;
  /** Shown for the row count while it would mislead: `…` for a list still being read. */
  readonly count?: string;
  /** What each fitted column's content needs, over the whole list (so widths hold still). */
  readonly contentWidth: ContentWidth<R>;
}

export function Pane<R>(props: PaneProps<R>) {
  const { rows, width, height, sort, theme } = props;
  const page = Math.max(0, height - 2);
  const index = Math.max(0, rows.indexOf(props.selected));
  const start = visibleStart(rows.length, index, props.scrollTop, page);
  const shown: R[] = [];
  const keys: string[] = [];
  for (let p = start; p < Math.min(rows.length, start + page); p++) {
    shown.push(rows.at(p));
    keys.push(rows.key(p));
  }
  const selected = rows.length ? rows.key(index) : null;
  const column = props.columns.find((c) => c.id === sort.column);
  const { symbols } = theme;
  const sortText = column ? `sort: ${props.sortLead ?? ''}${column.title} ${sort.descending ? symbols.descending : symbols.ascending}` : '';
  const position = rows.length > page ? ` ${start + 1}-${start + shown.length}/${rows.length}` : '';
  const left = ` ${props.title} ${props.count ?? rows.length}${position}  ${props.scope}`;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate" bold={props.focused} color={props.focused ? theme.accent : theme.muted}>
        {fitText(left, Math.max(0, width - sortText.length - 1), 'left', symbols.ellipsis)} {sortText}
      </Text>
      {rows.length === 0 ? (
        <Text wrap="truncate" dimColor>
          {fitText(`  ${props.empty}`, width, 'left', symbols.ellipsis)}
        </Text>
      ) : (
        <Table
          placed={layoutColumns(fitToContent(props.columns, props.contentWidth), width)}
          rows={shown}
          keys={keys}
          selected={selected}
          focused={props.focused}
          sort={sort}
          context={props.context}
          theme={theme}
        />
      )}
    </Box>
  );
}
