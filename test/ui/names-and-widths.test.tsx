import { describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { appScreens, screenLines } from './app-screen.js';
import { busySnapshot, NODE_NAMES, REPLICA_SUFFIXES } from './busy-fixture.js';

// Names are cut in the middle, keeping the generated suffix that tells replicas apart, and column
// widths come from the whole list, so they hold still while you scroll and sort.

const show = appScreens();

/** The NAME cells of the pod pane's payments-api replicas. */
function replicaNames(lines: readonly string[]): string[] {
  return lines.flatMap((l) => /(?:^|\s)(payments-api-\S+)/.exec(l)?.[1] ?? []);
}

describe('pod names too long for their column', () => {
  it.each([80, 70, 64])('at %i columns keep their suffix, so replicas stay distinct', async (columns) => {
    const screen = await show(busySnapshot(), { columns, rows: 40 });
    const names = replicaNames(screenLines(screen));
    expect(names.length).toBeGreaterThan(3);
    expect(names.some((n) => n.includes('…'))).toBe(true);
    for (const name of names)
      expect(
        REPLICA_SUFFIXES.some((s) => name.endsWith(`-${s}`)),
        name,
      ).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});

const RIGHT_ALIGNED = new Set(['RST', 'CPU', 'CPU/L', 'MEM', 'MEM/L', 'THR%', 'EPH%', 'AGE']);

/** Where each column of the pod pane's header starts (or, right-aligned, ends). */
function columnStarts(lines: readonly string[]): Record<string, number> {
  const header = lines.find((l) => /^NAMESPACE\s+NAME/.test(l)) ?? '';
  return Object.fromEntries(
    [...header.matchAll(/\S+/g)].map((m) => {
      const title = m[0].replace(/[▼▲]$/, '');
      return [title, RIGHT_ALIGNED.has(title) ? m.index + m[0].length : m.index];
    }),
  );
}

/** The NODE cell of every pod row on screen. */
function nodeCells(lines: readonly string[]): string[] {
  const starts = columnStarts(lines);
  const at = starts.NODE ?? -1;
  const header = lines.findIndex((l) => /^NAMESPACE\s+NAME/.test(l));
  return lines
    .slice(header + 1)
    .filter((l) => /^[a-z-]+\s/.test(l))
    .map((l) => l.slice(at).split(' ')[0] ?? '');
}

describe('pod pane column widths', () => {
  it.each([100, 120])('at %i columns hold still while scrolling, sorting and filtering, and NODE is never cut', async (columns) => {
    const screen = await show(busySnapshot(), { columns, rows: 32 });
    await screen.press(KEYS.tab);
    const before = columnStarts(screenLines(screen));
    expect(before.NODE).toBeGreaterThan(0);
    for (const keys of [[KEYS.pageDown, KEYS.pageDown], ['N'], ['M'], ['>', '>'], ['/', ...'report', KEYS.enter]]) {
      await screen.press(...keys);
      const lines = screenLines(screen);
      expect(columnStarts(lines), keys.join('')).toEqual(before);
      for (const node of nodeCells(lines)) expect(NODE_NAMES, keys.join('')).toContain(node);
    }
  });
});
