import { describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { appScreens, screenLines } from './app-screen.js';
import { busySnapshot } from './busy-fixture.js';

const show = appScreens();
const header = (screen: Awaited<ReturnType<typeof show>>) => screenLines(screen)[0] ?? '';

describe('the header pod count', () => {
  it('counts the pods in scope, and says "shown/all" when the pod pane is narrowed', async () => {
    const screen = await show(busySnapshot());
    expect(header(screen)).toMatch(/ pods 25 /);
    await screen.press('n', KEYS.down, KEYS.down, KEYS.enter);
    expect(screenLines(screen).join('\n')).toContain('ns kube-system');
    expect(header(screen)).toMatch(/ pods 9\/25 /);
    await screen.press('n', 'g', KEYS.enter, KEYS.tab, '/', ...'payments', KEYS.enter);
    expect(header(screen)).toMatch(/ pods 6\/25 /);
  });
});
