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
