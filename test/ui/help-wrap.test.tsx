import { describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { appScreens, screenLines } from './app-screen.js';
import { busySnapshot } from './busy-fixture.js';

const show = appScreens();

describe('the help at 80 columns', () => {
  it('wraps a long explanation onto the next line instead of cutting it', async () => {
    const screen = await show(busySnapshot(), { columns: 80, rows: 60 });
    await screen.press('?');
    const all = screenLines(screen);
    const lines = all.slice(all.findIndex((l) => l.startsWith(' kmon keys')));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((l) => l.includes('…'))).toEqual([]);
    const text = lines.map((l) => l.trim()).join(' ');
    expect(text).toContain('Pods alert on CPU and memory at % of their limit (CPU/L, MEM/L): above the request is normal.');
    await screen.press(KEYS.escape);
  });
});
