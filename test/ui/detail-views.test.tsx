import { describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { appScreens, screenLines } from './app-screen.js';
import { BUSY_NODE, busySnapshot } from './busy-fixture.js';

// A detail view at any size (here of a node running ten pods) keeps its title line and says what it left out: the node's pods are
// listed or counted as "+N more", the charts are drawn or said to be left out.

const show = appScreens();
const SIZES = [
  [40, 10],
  [60, 15],
  [80, 24],
  [100, 30],
  [120, 32],
  [160, 48],
] as const;
const CHART_TITLES = ['CPU % of allocatable', 'memory % of allocatable', 'node filesystem %'];

async function detailOf(filter: string, pane: 'nodes' | 'pods', columns: number, rows: number) {
  const screen = await show(busySnapshot(), { columns, rows });
  await screen.press(...(pane === 'pods' ? [KEYS.tab] : []), '/', ...filter, KEYS.enter, KEYS.enter);
  return screenLines(screen);
}

describe('node detail', () => {
  it.each(SIZES)('at %i×%i: title, charts or why not, and every pod listed or counted', async (columns, rows) => {
    const lines = await detailOf(BUSY_NODE, 'nodes', columns, rows);
    expect(lines.some((l) => l.startsWith(` NODE ${BUSY_NODE}`))).toBe(true);
    const charts = CHART_TITLES.filter((t) => lines.some((l) => l.includes(t)));
    if (charts.length < 3) expect(lines.some((l) => /charts? left out/.test(l))).toBe(true);
    const heading = lines.findIndex((l) => l.startsWith(' pods on this node ('));
    expect(heading).toBeGreaterThan(0);
    const total = Number(/\((\d+)/.exec(lines[heading] ?? '')?.[1]);
    expect(total).toBe(10);
    const after = lines.slice(heading + 1);
    const listed = after.filter((l) => /^ {2}\S+\/\S+/.test(l)).length;
    const more = Number(/^ {2}\+(\d+) more/m.exec(after.join('\n'))?.[1] ?? 0);
    expect(listed).toBeGreaterThan(0);
    expect(listed + more).toBe(total);
  });
});

describe('pod detail', () => {
  it.each(SIZES)('at %i×%i: title, figures and the containers table', async (columns, rows) => {
    const lines = await detailOf('rgqvj', 'pods', columns, rows);
    expect(lines.some((l) => l.startsWith(' POD payments/payments-api-'))).toBe(true);
    expect(lines.some((l) => l.startsWith(' CPU '))).toBe(true);
    // One core is "1 core", not a bare "request 1".
    if (columns >= 80) expect(lines.find((l) => l.startsWith(' CPU '))).toMatch(/of limit 1 core\b/);
    const heading = lines.findIndex((l) => l.startsWith(' containers (1)'));
    expect(heading).toBeGreaterThan(0);
    // The table's header row, or, too short for a table, the container on a line of its own.
    expect(/NAME.*STATE/.test(lines[heading + 1] ?? '') || (lines[heading + 1] ?? '').startsWith('  main ')).toBe(true);
    const charts = ['CPU millicores', 'memory MiB'].filter((t) => lines.some((l) => l.includes(t)));
    if (charts.length < 2) expect(lines.some((l) => /charts? left out/.test(l))).toBe(true);
  });
});
