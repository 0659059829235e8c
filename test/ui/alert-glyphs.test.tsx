import { describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { appScreens, lineWith, rowOf } from './app-screen.js';
import { busySnapshot, CRASHING } from './busy-fixture.js';

// Without colour the glyph is the only sign of an alert, so no width may cut it off: a status too
// long for its column is cut before the glyph (CrashLo…‼), never through it.

const show = appScreens();
const STATUS_ALERT = (status: string) => new RegExp(`\\s${status.slice(0, 2)}\\S* ?‼`);

describe('alert glyphs at every width, colour off', () => {
  it.each([60, 70, 80, 100, 120, 160])('%i columns: node and pod STATUS cells keep ‼', async (columns) => {
    const screen = await show(busySnapshot(), { columns, rows: 40, color: false });
    expect(rowOf(screen, 'hello-kube-002')).toMatch(STATUS_ALERT('Ready,Disk'));
    expect(rowOf(screen, 'hello-kube-006')).toMatch(STATUS_ALERT('NotReady'));
    await screen.press(KEYS.tab, '/', ...'report', KEYS.enter);
    expect(lineWith(screen, CRASHING.slice(0, 8))).toMatch(STATUS_ALERT('CrashLoopBackOff'));
  });

  it('a status cut to fit keeps its glyph after the ellipsis', async () => {
    const screen = await show(busySnapshot(), { columns: 80, rows: 40, color: false });
    await screen.press(KEYS.tab, '/', ...'report', KEYS.enter);
    expect(lineWith(screen, 'report-')).toMatch(/ Cr\S*…‼/);
  });
});
