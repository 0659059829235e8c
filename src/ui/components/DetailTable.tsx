import { Table } from '@alcalzone/ink-table';
import { Text } from 'ink';
import type { ReactNode } from 'react';

type Row = Record<string, string>;

const MAX_CELL = 40;

const BOX_TO_ASCII: Readonly<Record<string, string>> = {
  '─': '-',
  '│': '|',
  '┌': '+',
  '┬': '+',
  '┐': '+',
  '├': '+',
  '┼': '+',
  '┤': '+',
  '└': '+',
  '┴': '+',
  '┘': '+',
};

/** ink-table's frame as it draws it, or its ASCII twin. */
function UnicodeSkeleton({ children }: { children?: ReactNode }) {
  return <Text dimColor>{children}</Text>;
}

function AsciiSkeleton({ children }: { children?: ReactNode }) {
  return <Text dimColor>{typeof children === 'string' ? children.replace(/[─│┌┬┐├┼┤└┴┘]/g, (c) => BOX_TO_ASCII[c] ?? c) : children}</Text>;
}

// ink-table sizes columns to their content and never wraps; columns are dropped from the right
// until the frame fits, so the table cannot push a line past the terminal's width.
function fittingColumns(rows: readonly Row[], columns: readonly string[], width: number): string[] {
  const widthOf = (c: string) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)) + 2;
  const kept = [...columns];
  while (kept.length > 1 && kept.reduce((n, c) => n + widthOf(c) + 1, 1) > width) kept.pop();
  return kept;
}

/** Small static tables of the detail views (a pod's containers), drawn with ink-table. */
export function DetailTable({
  rows,
  columns,
  width,
  ascii,
}: {
  readonly rows: readonly Row[];
  readonly columns: readonly string[];
  readonly width: number;
  readonly ascii: boolean;
}) {
  const cut = rows.map((r) => Object.fromEntries(columns.map((c) => [c, (r[c] ?? '').slice(0, MAX_CELL)])));
  const kept = fittingColumns(cut, columns, width);
  return <Table data={cut} columns={kept} skeleton={ascii ? AsciiSkeleton : UnicodeSkeleton} />;
}
