import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { App } from '../../src/ui/components/App.js';
import type { SnapshotSource } from '../../src/ui/hooks/use-snapshot.js';
import { makeTheme } from '../../src/ui/theme.js';
import { container } from '../helpers/records.js';
import { KEYS, plain, renderAt } from '../helpers/render.js';
import { clusterSnapshot, LONG_NAMES, NOW, PushSource } from './ui-fixture.js';

type Rendered = ReturnType<typeof renderAt>;
let current: Rendered | null = null;

function show(options: { columns?: number; rows?: number; color?: boolean; ascii?: boolean; source?: SnapshotSource } = {}): Rendered {
  const source = options.source ?? new PushSource(clusterSnapshot());
  const theme = makeTheme({ color: options.color ?? true, ascii: options.ascii ?? false });
  current = renderAt(
    <App source={source} thresholds={DEFAULT_THRESHOLDS} theme={theme} namespace={null} />,
    options.columns ?? 120,
    options.rows ?? 32,
  );
  return current;
}

afterEach(() => {
  current?.unmount();
  current = null;
});

/** The row of the frame that mentions `name`, without colour codes; the two header lines (which may name it in an alert) are skipped. */
function line(frame: string, name: string): string {
  return (
    plain(frame)
      .split('\n')
      .slice(2)
      .find((l) => l.includes(name)) ?? ''
  );
}

/** Names of pods in the order the pod pane lists them. */
function podOrder(frame: string): string[] {
  return [...plain(frame).matchAll(/\b(app-\d\d)\b/g)].map((m) => m[1] as string);
}

// SGR sequences: 31 red, 33 yellow, 39 default colour.
const inColour = (colour: 31 | 33, text: string) => new RegExp(`\\u001B\\[${colour}m(?:\\u001B\\[[0-9;]*m)*[^\\u001B]*${text}`);

describe('live screen', () => {
  it('shows every node and the alert count, with crit cells red and ‼, warn cells yellow and !', async () => {
    const r = show();
    await r.settle();
    const frame = r.lastFrame();
    for (const node of ['node-a', 'node-b', 'node-c']) expect(plain(frame)).toContain(node);
    // node-b's disk: 1 - 7/100 = 93% (crit); node-c's: 85% (warn); node-a's CPU 3800/4000 = 95% (crit).
    expect(line(frame, 'node-b')).toContain('93% ‼');
    expect(line(frame, 'node-c')).toContain('85% !');
    expect(line(frame, 'node-a')).toContain('95% ‼');
    expect(frame).toMatch(inColour(31, '93% ‼'));
    expect(frame).toMatch(inColour(33, '85% !'));
    expect(frame).not.toMatch(inColour(31, '40%'));
    // Alerts: node-b's disk (crit), node-c's disk and memory (87%, warn); node-a's CPU waits out its 30 s `for:`.
    expect(plain(frame)).toContain('▲ 1 crit 2 warn');
  });

  it("READ gives each node's kubelet read its own age; not read yet shows …; --no-kubelet has no READ column", async () => {
    const base = clusterSnapshot();
    const summaries = new Map(base.summaries);
    const b = summaries.get('node-b');
    if (b) summaries.set('node-b', { ...b, fetchedAt: NOW - 95_000 });
    summaries.delete('node-c');
    const source = new PushSource({ ...base, summaries });
    const r = show({ source });
    await r.settle();
    expect(plain(r.lastFrame())).toMatch(/DISK%\s+FULL\s+READ/);
    expect(line(r.lastFrame(), 'node-a')).toMatch(/40%\s+\d+s\b/);
    expect(line(r.lastFrame(), 'node-b')).toMatch(/93% ‼\s+9\ds\b/);
    expect(line(r.lastFrame(), 'node-c')).toMatch(/…\s+…/);
    source.push({ ...clusterSnapshot(2), summaries: new Map(), kubeletOff: 'kubelet reads off (--no-kubelet): disk unknown' });
    await r.settle();
    expect(plain(r.lastFrame())).toContain('DISK%');
    expect(plain(r.lastFrame())).not.toContain('READ');
  });

  it('before a big pod list is in: nodes shown, pods counted as …, the pod pane says so', async () => {
    const r = show({ source: new PushSource({ ...clusterSnapshot(), pods: [], podsListed: false }) });
    await r.settle();
    const frame = plain(r.lastFrame());
    expect(frame).toContain('pods …');
    expect(line(frame, 'node-b')).toMatch(/…\s+\d+[hd]$/);
    expect(frame.split('\n').find((l) => l.startsWith(' PODS'))).toMatch(/^ PODS … {2}ns all/);
    expect(frame).toContain('pods not read yet');
  });

  it('keeps the glyphs and drops every colour when colour is off', async () => {
    const r = show({ color: false });
    await r.settle();
    const frame = r.lastFrame();
    expect(frame).not.toMatch(/\u001B\[3[13]m/);
    expect(line(frame, 'node-b')).toContain('93% ‼');
    expect(line(frame, 'node-c')).toContain('85% !');
  });

  it('uses ASCII stand-ins for every glyph with --ascii, in every view', async () => {
    const r = show({ ascii: true, source: new PushSource(clusterSnapshot(1, 0, LONG_NAMES)) });
    await r.settle();
    expect(line(plain(r.lastFrame()), 'ip-10-0-12-35')).toContain('93% !!');
    const frames = [r.lastFrame()];
    for (const keys of [
      [KEYS.enter],
      [KEYS.escape, '?'],
      ['?', '/', 'x'],
      [KEYS.escape, 'n'],
      [KEYS.escape, KEYS.tab, KEYS.enter],
      [KEYS.escape, 'e'],
    ]) {
      await r.press(...keys);
      frames.push(r.lastFrame());
    }
    // Non-ASCII except nothing: every frame is plain 7-bit text once colours are removed.
    for (const frame of frames) expect(plain(frame)).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('sorts alerting nodes first, then by CPU% descending by default, shown in the header and pane title, and r reverses it', async () => {
    const r = show();
    await r.settle();
    let frame = plain(r.lastFrame());
    expect(frame).toContain('CPU%▼');
    expect(frame).toContain('sort: alerts, CPU% ▼');
    // node-b (crit, disk) before node-c (warn) although node-c is busier.
    const rows = frame.split('\n').slice(2).join('\n');
    expect(rows.indexOf('node-a')).toBeLessThan(rows.indexOf('node-b'));
    expect(rows.indexOf('node-b')).toBeLessThan(rows.indexOf('node-c'));
    await r.press('r');
    frame = plain(r.lastFrame()).split('\n').slice(2).join('\n');
    expect(frame).toContain('sort: CPU% ▲');
    expect(frame.indexOf('node-b')).toBeLessThan(frame.indexOf('node-a'));
    await r.press('D');
    frame = plain(r.lastFrame()).split('\n').slice(2).join('\n');
    expect(frame).toContain('sort: DISK% ▼');
    expect(frame.indexOf('node-b')).toBeLessThan(frame.indexOf('node-c'));
  });

  it('M sorts the pod pane by memory, biggest first', async () => {
    const r = show();
    await r.settle();
    await r.press(KEYS.tab, 'N');
    expect(podOrder(r.lastFrame()).slice(0, 3)).toEqual(['app-00', 'app-01', 'app-02']);
    await r.press('M');
    // Memory grows with the index in the fixture.
    expect(podOrder(r.lastFrame()).slice(0, 3)).toEqual(['app-11', 'app-10', 'app-09']);
    expect(plain(r.lastFrame())).toContain('sort: MEM ▼');
  });

  it('moves the selection with j/k, g/G and arrows, following the object', async () => {
    const r = show();
    await r.settle();
    const selected = () => {
      const row = r
        .lastFrame()
        .split('\n')
        .find((l) => l.includes('\u001B[7m') && l.includes('node-'));
      return plain(row ?? '')
        .trim()
        .split(/\s+/)[0];
    };
    expect(selected()).toBe('node-a');
    await r.press('j');
    expect(selected()).toBe('node-b');
    await r.press('G');
    expect(selected()).toBe('node-c');
    await r.press('g', KEYS.down, KEYS.up);
    expect(selected()).toBe('node-a');
  });

  it('filters the focused pane as you type, with /regex/, and Esc clears it', async () => {
    const r = show();
    await r.settle();
    await r.press(KEYS.tab, '/', ...'app-1');
    expect(podOrder(r.lastFrame()).sort()).toEqual(['app-10', 'app-11']);
    await r.press(KEYS.enter);
    expect(plain(r.lastFrame())).toContain('filter app-1');
    await r.press('/', ...[...'app-1'].map(() => KEYS.backspace), ...'/0[36]$/');
    expect(podOrder(r.lastFrame()).sort()).toEqual(['app-03', 'app-06']);
    await r.press(KEYS.escape);
    expect(podOrder(r.lastFrame()).length).toBeGreaterThan(2);
  });

  it('takes a pasted "/text" or keys typed faster than a frame as the filter', async () => {
    const r = show();
    await r.settle();
    await r.press(KEYS.tab, '/app-1');
    expect(podOrder(r.lastFrame()).sort()).toEqual(['app-10', 'app-11']);
    await r.press(KEYS.escape);
    await r.typeFast('/', 'a', 'p', 'p', '-', '0', '3');
    // The name shows in the pod row and, as typed, in the prompt and the pane title.
    expect(new Set(podOrder(r.lastFrame()))).toEqual(new Set(['app-03']));
    expect(plain(r.lastFrame())).toMatch(/^default\s+app-03|^web\s+app-03/m);
  });

  it('quits on q, and on ctrl-c even while typing a filter', async () => {
    const r = show();
    await r.settle();
    await r.press('q');
    await expect(r.waitUntilExit()).resolves.toBeUndefined();
    const s = show();
    await s.settle();
    await s.press('/', 'ab', '\u0003');
    await expect(s.waitUntilExit()).resolves.toBeUndefined();
  });

  it('pauses the frame while polling goes on, and shows the newest data on resume', async () => {
    const source = new PushSource(clusterSnapshot(1));
    const r = show({ source });
    await r.settle();
    await r.press(KEYS.tab, 'M', 'p');
    expect(plain(r.lastFrame())).toContain('PAUSED');
    const before = line(r.lastFrame(), 'app-11');
    source.push(clusterSnapshot(2, 300));
    await r.settle();
    expect(line(r.lastFrame(), 'app-11')).toBe(before);
    await r.press('p');
    expect(plain(r.lastFrame())).not.toContain('PAUSED');
    // app-11 now uses 100 + 11×60 + 300 = 1060 MiB of its 1024 MiB limit.
    expect(line(r.lastFrame(), 'app-11')).toContain('103% ‼');
  });

  it('opens the detail of the selected node on Enter and returns on Esc', async () => {
    const r = show();
    await r.settle();
    await r.press('j', 'j', KEYS.enter);
    const frame = plain(r.lastFrame());
    expect(frame).toContain('NODE node-c');
    expect(frame).toContain('node fs 85% !');
    expect(frame).toContain('conditions');
    await r.press(KEYS.escape);
    expect(plain(r.lastFrame())).toContain('sort: alerts, CPU% ▼');
  });

  it('takes Enter pressed the moment the first data shows, before React has caught up', async () => {
    const source = new PushSource(clusterSnapshot());
    const r = show({ source: { subscribe: (l) => source.subscribe(l), latest: () => null } });
    await r.settle();
    expect(plain(r.lastFrame())).toContain('connecting');
    const pressed = r.keyAtFrame(KEYS.enter, (frame) => frame.includes('node-a'));
    source.push(clusterSnapshot());
    await pressed;
    await r.settle();
    expect(plain(r.lastFrame())).toContain('NODE node-a');
  });

  it('shows a pod detail with its containers, requests and limits', async () => {
    const r = show();
    await r.settle();
    await r.press(KEYS.tab, 'N', KEYS.enter);
    const frame = plain(r.lastFrame());
    expect(frame).toContain('POD batch/app-00');
    expect(frame).toMatch(/MEM 100Mi \(19% of request 512Mi, 9% of limit 1Gi\)/);
    expect(frame).toContain('CPU REQ/LIM');
    expect(frame).toContain('500m/1 core');
  });

  it('lines up the container table by display width when a reason has wide characters', async () => {
    const base = clusterSnapshot();
    const sidecar = container('sidecar', { state: 'waiting', stateReason: '镜像拉取失败', ready: false });
    const pods = base.pods.map((p) => (p.name === 'app-00' ? { ...p, containers: [...p.containers, sidecar] } : p));
    const r = show({ columns: 80, rows: 24, source: new PushSource({ ...base, pods }) });
    await r.settle();
    await r.press(KEYS.tab, 'N', KEYS.enter);
    const lines = plain(r.lastFrame()).split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    const header = lines.find((l) => l.includes('READY')) ?? '';
    const row = lines.find((l) => l.includes('sidecar')) ?? '';
    expect(row).toContain('waiting:镜像拉取失败 ');
    // The READY column starts at the same terminal column in the header and in the row.
    const columnOf = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    expect(columnOf(row, ' no ') + 1).toBe(columnOf(header, 'READY'));
  });

  it('lists keys in the help overlay, generated from the keymap', async () => {
    const r = show({ rows: 40 });
    await r.settle();
    await r.press('?');
    const frame = plain(r.lastFrame());
    expect(frame).toContain('pause the frame');
    expect(frame).toContain('sort by memory');
    await r.press('?');
    expect(plain(r.lastFrame())).not.toContain('pause the frame');
  });

  it('narrows the pod pane to the selected node with space', async () => {
    const r = show();
    await r.settle();
    await r.press(' ');
    const frame = plain(r.lastFrame());
    expect(frame).toContain('node node-a');
    expect(podOrder(frame).sort()).toEqual(['app-00', 'app-03', 'app-06', 'app-09']);
  });

  it.each([
    [40, 10],
    [80, 24],
    [120, 32],
  ])('never draws a line wider than %i columns or taller than the %i-row terminal', async (columns, rows) => {
    const r = show({ columns, rows });
    await r.settle();
    for (const frame of [
      r.lastFrame(),
      await r.press(KEYS.enter).then(() => r.lastFrame()),
      await r.press(KEYS.escape, '?').then(() => r.lastFrame()),
      await r.press('?', 'e').then(() => r.lastFrame()),
    ]) {
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
    }
  });

  it('in a 40×10 pane still shows the worst nodes first and the alert count', async () => {
    const r = show({ columns: 40, rows: 10 });
    await r.settle();
    const frame = plain(r.lastFrame());
    expect(frame).toMatch(/▲ 1 crit 2 warn/);
    const lines = frame.split('\n');
    const firstNode = lines.findIndex((l) => l.includes('node-'));
    expect(lines[firstNode]).toMatch(/node-a.*‼ cpu 95%/);
    expect(lines[firstNode + 1]).toMatch(/node-b.*‼ disk 93%/);
  });

  it('drops low-priority columns at 80 columns and brings them back when widened', async () => {
    const r = show({ columns: 120, rows: 32, source: new PushSource(clusterSnapshot(1, 0, LONG_NAMES)) });
    await r.settle();
    expect(plain(r.lastFrame())).toContain('ROLES');
    expect(plain(r.lastFrame())).toContain('ip-10-0-12-35.eu-west-1.compute.internal');
    await r.resize(80, 24);
    const narrow = plain(r.lastFrame());
    expect(narrow).not.toContain('ROLES');
    for (const column of ['NAME', 'STATUS', 'CPU%', 'MEM%', 'DISK%']) expect(narrow).toContain(column);
    expect(line(narrow, 'ip-10-0-12-35')).toContain('93% ‼');
    await r.resize(120, 32);
    expect(plain(r.lastFrame())).toContain('ROLES');
  });
});
