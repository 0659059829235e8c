import { describe, expect, it } from 'vitest';
import { LEGEND } from '../../src/ui/legend.js';
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

const hintLine = (screen: Awaited<ReturnType<typeof show>>) =>
  screenLines(screen)
    .filter((l) => l.trim())
    .at(-1) ?? '';

describe('the namespace picker and help', () => {
  it('q closes the picker instead of quitting', async () => {
    const screen = await show(busySnapshot());
    await screen.press('n');
    expect(screenLines(screen).join('\n')).toContain('all namespaces');
    await screen.press('q');
    expect(screenLines(screen).join('\n')).not.toContain('all namespaces');
    expect(screenLines(screen).join('\n')).toContain('NODES');
    await screen.press('?', 'q');
    expect(screenLines(screen).join('\n')).toContain('NODES');
  });
});

describe('keys that do nothing here', () => {
  it('D on the pod pane says why in the hint line, until the next key', async () => {
    const screen = await show(busySnapshot());
    await screen.press(KEYS.tab, 'D');
    expect(hintLine(screen)).toMatch(/disk.*node/i);
    await screen.press('j');
    expect(hintLine(screen)).toMatch(/help/);
  });
});

describe('a terminal too small for both panes', () => {
  it('shows the pane with the keys: Tab brings the pods into view, and back', async () => {
    const screen = await show(busySnapshot(), { columns: 60, rows: 15 });
    const titles = () =>
      screenLines(screen)
        .filter((l) => /^ (NODES|PODS) /.test(l))
        .map((l) => l.trim().split(' ')[0]);
    expect(titles()).toEqual(['NODES']);
    await screen.press(KEYS.tab);
    expect(titles()).toEqual(['PODS']);
    expect(screenLines(screen).join('\n')).toMatch(/payments/);
    await screen.press(KEYS.tab);
    expect(titles()).toEqual(['NODES']);
  });
});

describe('the filter prompt', () => {
  it('an invalid /regex/ shows its error and, on Enter, leaves the previous filter in place', async () => {
    const screen = await show(busySnapshot());
    await screen.press(KEYS.tab, '/', ...'payments', KEYS.enter);
    expect(podTitle(screen)).toContain('filter payments');
    await screen.press('/', ...[...'payments'].map(() => KEYS.backspace), ...'/pay[/');
    expect(hintLine(screen)).toMatch(/invalid regex/i);
    await screen.press(KEYS.enter);
    expect(podTitle(screen)).toContain('filter payments');
    expect(hintLine(screen)).toMatch(/invalid regex/i);
    expect(screenLines(screen).join('\n')).toContain('payments-api');
  });

  it('Ctrl-W deletes the last word and Ctrl-U the whole line', async () => {
    const screen = await show(busySnapshot());
    await screen.press(KEYS.tab, '/', ...'web api', '\u0017');
    expect(hintLine(screen)).toMatch(/^ \/ web /);
    await screen.press(...'frontend', '\u0015');
    expect(hintLine(screen)).toMatch(/^ \/ [█_] /);
  });
});

describe('Ctrl-Z', () => {
  it('hands the terminal back through the suspend it was given, and the screen carries on after', async () => {
    let suspended = 0;
    const screen = await show(busySnapshot(), {
      suspend: async () => {
        suspended++;
      },
    });
    await screen.press('\u001a');
    expect(suspended).toBe(1);
    await screen.press('j');
    expect(screenLines(screen).join('\n')).toContain('NODES');
  });
});

describe('the help overlay', () => {
  it('scrolls when the terminal is shorter than the help, and says how much is below', async () => {
    const screen = await show(busySnapshot(), { columns: 120, rows: 24 });
    await screen.press('?');
    const last = LEGEND.at(-1) ?? '';
    expect(screenLines(screen).join('\n')).toMatch(/\+\d+ more lines below/);
    expect(screenLines(screen).join('\n')).not.toContain(last);
    await screen.press('G');
    expect(screenLines(screen).join('\n')).toContain(last);
    expect(screenLines(screen).join('\n')).toContain('ctrl-w');
    await screen.press('g');
    expect(screenLines(screen).join('\n')).toContain('show or hide this help');
  });
});

describe('problem pods', () => {
  it('! shows only the pods that are not Running or alert, and toggles back', async () => {
    const screen = await show(busySnapshot(), { rows: 40 });
    await screen.press(KEYS.tab, '!');
    const frame = screenLines(screen).join('\n');
    expect(podTitle(screen)).toMatch(/PODS \d+.*problems only/);
    expect(frame).toContain('report-generator');
    expect(frame).not.toMatch(/payments-api-glfw\S*-(qb7sk|fmwpc)/);
    await screen.press('!');
    expect(screenLines(screen).join('\n')).toMatch(/payments-api-glfw\S*-qb7sk/);
  });

  it('R sorts pods by restarts, most first; on the node pane it says why not', async () => {
    const screen = await show(busySnapshot(), { rows: 40 });
    await screen.press(KEYS.tab, 'R');
    expect(podTitle(screen)).toContain('sort: RST ▼');
    const rows = screenLines(screen);
    expect(rows[rows.findIndex((l) => /^NAMESPACE\s+NAME/.test(l)) + 1]).toContain('report-generator');
    await screen.press(KEYS.tab, 'R');
    expect(hintLine(screen)).toMatch(/restarts.*pod/i);
  });
});
