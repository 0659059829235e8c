// How the lines of a detail view are shared out. A view never relies on the terminal cutting it:
// its title and figures come first, and whatever does not fit is counted ("+3 more") or named
// ("charts left out"), so a small pane says what it is not showing.

const MIN_CHART_WIDTH = 30;
const MIN_PLOT = 3;
const MAX_PLOT = 10;
/** Pods a node detail keeps room for before its charts take the rest. */
const MIN_POD_ROWS = 3;

/** Charts per row: as many as keep MIN_CHART_WIDTH columns each. */
export function chartColumns(width: number, count: number): number {
  for (let c = count; c > 1; c--) if (Math.floor((width - (c - 1)) / c) >= MIN_CHART_WIDTH) return c;
  return 1;
}

/** Lines `count` charts of `plot` lines take in a grid, titles included. */
export function chartGridLines(width: number, count: number, plot: number): number {
  return Math.ceil(count / chartColumns(width, count)) * (plot + 1);
}

/** The tallest plot (3 to 10 lines) whose grid fits in `room` lines, or 0: no room for charts. */
export function chartPlotLines(width: number, count: number, room: number): number {
  for (let plot = MAX_PLOT; plot >= MIN_PLOT; plot--) if (chartGridLines(width, count, plot) <= room) return plot;
  return 0;
}

/** Rows of a list shown in `room` lines: all of them, or one line fewer and a "+N more" line. */
export function listRows(total: number, room: number): { readonly shown: number; readonly more: number } {
  if (total <= room) return { shown: total, more: 0 };
  const shown = Math.max(0, room - 1);
  return { shown, more: total - shown };
}

/** Lines a list of `total` needs at least: its heading, a few rows, and "+N more" if there are others. */
function minimumList(total: number, rows: number): number {
  return 1 + Math.min(total, rows) + (total > rows ? 1 : 0);
}

export interface NodeDetailLayout {
  /** The lines of the node's own below the heading (its alerts, its forecasts) shown, and how many not. */
  readonly extra: { readonly shown: number; readonly more: number };
  /** Every condition on a line of its own, or only the alerting ones and a count of the rest. */
  readonly conditions: 'all' | 'alerting';
  /** Plot lines per chart; 0 when the charts are left out. */
  readonly plot: number;
  /** A line saying the charts were left out. */
  readonly chartsNote: boolean;
  readonly pods: { readonly shown: number; readonly more: number };
}

/**
 * Below the three heading lines: `extra` lines of the node's own (its alerts, its forecasts), which
 * give way to the first few pods; conditions, the three history charts, and the node's pods. Charts
 * give way before the first few pods, the full list of healthy conditions before the charts.
 */
export function nodeDetailLayout(
  height: number,
  width: number,
  counts: { readonly conditions: number; readonly alerting: number; readonly pods: number; readonly extra?: number },
): NodeDetailLayout {
  let room = height - 3;
  const podsMin = minimumList(counts.pods, MIN_POD_ROWS);
  // Room kept for the conditions' heading and a line about the charts.
  // With no room for a single one of its own lines, their count joins the note on the charts.
  const extra = listRows(counts.extra ?? 0, Math.max(0, room - podsMin - 2));
  room -= extra.shown + (extra.more && extra.shown ? 1 : 0);
  const roomy = room - (1 + counts.conditions) - podsMin >= chartGridLines(width, 3, MIN_PLOT);
  room -= 1 + (roomy ? counts.conditions : counts.alerting);
  const plot = chartPlotLines(width, 3, room - podsMin);
  const chartsNote = plot === 0 && room > 2;
  room -= plot ? chartGridLines(width, 3, plot) : chartsNote ? 1 : 0;
  return { extra, conditions: roomy ? 'all' : 'alerting', plot, chartsNote, pods: listRows(counts.pods, room - 1) };
}

/** Lines the container table takes for `rows` rows: its header and a line each. */
function tableLines(rows: number): number {
  return rows === 0 ? 0 : 1 + rows;
}

export interface PodDetailLayout {
  readonly reasons: { readonly shown: number; readonly more: number };
  readonly plot: number;
  readonly chartsNote: boolean;
  /** Containers in the table, or, too short for a table, as one line each. */
  readonly containers: { readonly shown: number; readonly more: number; readonly table: boolean };
}

/**
 * Below the three heading lines: the pod's alert reasons, its two history charts, and its
 * containers. The reasons and the containers come before the charts.
 */
export function podDetailLayout(
  height: number,
  width: number,
  counts: { readonly reasons: number; readonly containers: number; readonly extra?: number },
): PodDetailLayout {
  let room = height - 3 - (counts.extra ?? 0);
  // Room kept for the containers' heading, one container, and a line about the charts.
  const reasons = listRows(counts.reasons, Math.max(0, room - 3));
  room -= reasons.shown + (reasons.more ? 1 : 0);
  const spare = room - 2;
  const n = counts.containers;
  const rows = tableLines(n) <= spare ? n : spare - 1;
  const containers = rows >= 1 ? { shown: rows, more: n - rows, table: true } : { ...listRows(n, spare), table: false };
  room -= 1 + (containers.table ? tableLines(containers.shown) : containers.shown) + (containers.more ? 1 : 0);
  const plot = chartPlotLines(width, 2, room);
  return { reasons, plot, chartsNote: plot === 0 && room > 0, containers };
}
