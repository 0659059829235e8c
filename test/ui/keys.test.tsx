import { describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { appScreens, screenLines } from './app-screen.js';
import { busySnapshot } from './busy-fixture.js';

const show = appScreens();
const podTitle = (screen: Awaited<ReturnType<typeof show>>) => screenLines(screen).find((l) => l.startsWith(' PODS ')) ?? '';

describe('sorting', () => {
  it('a sort key goes to the top of the list', async () => {
    const screen = await show(busySnapshot(), { columns: 120, rows: 32 });
    await screen.press(KEYS.tab, KEYS.pageDown, KEYS.pageDown);
    expect(podTitle(screen)).not.toMatch(/ 1-\d+\/\d+/);
    await screen.press('M');
    expect(podTitle(screen)).toMatch(/ 1-\d+\/\d+/);
  });
});
