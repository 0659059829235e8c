import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { type StatusData, type StatusFormat, statusLine } from '../../src/output/status-line.js';
import { visible } from '../helpers/status-run.js';

const DATA: StatusData = {
  cluster: 'prod-eu',
  ready: 12,
  total: 12,
  cpuPercent: 48.2,
  memoryPercent: 31,
  cpuTrend: [30, 40, 50, 60],
  cpuLevel: 'ok',
  memoryLevel: 'ok',
  problems: [
    { level: 'crit', label: 'DiskPressure', node: 'node-7', percent: null },
    { level: 'crit', label: 'disk', node: 'node-7', percent: 93.4 },
    { level: 'warn', label: 'mem', node: 'node-3', percent: 84.1 },
  ],
  staleMs: null,
};

const line = (data: StatusData, maxWidth: number, format: StatusFormat = 'plain', ascii = false) =>
  statusLine(data, { format, color: true, maxWidth, ascii });

describe('statusLine fitting', () => {
  it.each(['plain', 'tmux', 'ansi'] as const)('%s: never wider than --max-width, from 1 to 120 columns', async (format) => {
    for (let width = 1; width <= 120; width++) {
      expect(stringWidth(visible(await line(DATA, width, format))), `width ${width}`).toBeLessThanOrEqual(width);
    }
  });

  it.each([
    [200, '⎈ prod-eu 12/12 cpu 48% ▃▄▅▅ mem 31% DiskPressure ‼ node-7 disk ‼ node-7 93% mem ! node-3 84%'],
    [80, '⎈ prod-eu 12/12 cpu 48% DiskPressure ‼ node-7 disk ‼ node-7 93% mem ! node-3 84%'],
    [60, '⎈ prod-eu DiskPressure ‼ node-7 disk ‼ node-7 93% ! node-3'],
    [40, '⎈ prod-eu DiskPressure ‼ node-7 ! node-3'],
    [20, '⎈ prod-eu ‼ node-7'],
    [12, '⎈ prod-… ‼ …'],
    [3, '⎈ …'],
  ])('%i columns: %s', async (width, expected) => {
    expect(await line(DATA, width)).toBe(expected);
  });

  it('a figure never takes the place of a problem that did not fit: problems outrank figures', async () => {
    const notReady: StatusData = {
      ...DATA,
      cluster: 'kmon-sim',
      ready: 7,
      total: 8,
      cpuPercent: 6.2,
      memoryPercent: 10,
      problems: [
        { level: 'crit', label: 'DiskPressure', node: 'hello-kube-002', percent: null },
        { level: 'crit', label: 'NotReady', node: 'hello-kube-006', percent: null },
        { level: 'crit', label: 'disk', node: 'hello-kube-002', percent: 91.2 },
      ],
    };
    expect(await line(notReady, 40)).toBe('⎈ kmon-sim 7/8 ‼ hello-kube-002');
    expect(await line(notReady, 60)).toBe('⎈ kmon-sim 7/8 DiskPressure ‼ hello-kube-002');
    expect(await line(notReady, 61)).toBe('⎈ kmon-sim 7/8 DiskPressure ‼ hello-kube-002 ‼ hello-kube-006');
    for (let width = 20; width <= 120; width++) {
      const shown = await line(notReady, width);
      if (/cpu|mem /.test(shown)) expect(shown, `width ${width}`).toContain('hello-kube-006');
    }
  });

  it('a problem on a node already named gives way whole, never as a second bare node name', async () => {
    expect(await line(DATA, 60)).not.toMatch(/‼ node-7 .*‼ node-7$/);
  });

  it('the sparkline is never shown without the CPU figure it belongs to', async () => {
    for (let width = 1; width <= 120; width++) {
      const shown = await line(DATA, width);
      if (/[▁-█]/.test(shown)) expect(shown, `width ${width}`).toMatch(/cpu \d+% [▁-█]{4}/);
    }
  });

  it('stale is kept, shortened to "stale" before it would go', async () => {
    const stale = { ...DATA, staleMs: 180_000 };
    expect(await line(stale, 200)).toContain(' stale 3m ');
    expect(await line(stale, 28)).toBe('⎈ prod-eu stale 3m ‼ node-7');
    expect(await line(stale, 25)).toBe('⎈ prod-eu stale ‼ node-7');
  });

  it('ASCII: stand-ins for every glyph, ~ where a part was cut', async () => {
    expect(await line(DATA, 200, 'plain', true)).toBe(
      '* prod-eu 12/12 cpu 48% ,-~~ mem 31% DiskPressure !! node-7 disk !! node-7 93% mem ! node-3 84%',
    );
    expect(await line(DATA, 12, 'plain', true)).toBe('* prod-~ !!~');
  });

  it('an error line with nothing known keeps the cluster and the reason in full, cut to fit', async () => {
    const error = { ...DATA, problems: [], staleMs: null, error: 'cannot reach https://10.0.0.1:6443: connection refused' };
    expect(await line(error, 200)).toBe('⎈ prod-eu ✗ cannot reach https://10.0.0.1:6443: connection refused');
    expect(await line(error, 30)).toBe('⎈ prod-eu ✗ cannot reach http…');
    // Nothing known: JSON gives no node count, rather than 0 of 0 Ready.
    expect(JSON.parse(await line(error, 200, 'json'))).toMatchObject({ level: 'crit', nodes: null, stale: false });
  });

  it('a cluster that cannot be read beside its last known figures: ✗ and the cause in a word, then stale, in every format', async () => {
    const down = { ...DATA, staleMs: 95_000, error: 'unauthorized: the credentials were rejected', errorLabel: 'unauthorized' };
    expect(await line(down, 200)).toMatch(/^⎈ prod-eu ✗ unauthorized 12\/12 stale 95s /);
    expect(await line(down, 200, 'plain', true)).toMatch(/^\* prod-eu X unauthorized 12\/12 stale 95s /);
    expect(await line(down, 200, 'tmux')).toMatch(/^⎈ prod-eu #\[fg=red,bold\]✗ unauthorized#\[default\] /);
    expect(await line(down, 200, 'ansi')).toContain('\x1b[1;31m✗ unauthorized\x1b[0m');
    // Short of room, the cause and stale stay; the figures go.
    expect(await line(down, 30)).toMatch(/^⎈ prod-eu ✗ unauthorized stale/);
    const json = JSON.parse(await line(down, 200, 'json')) as Record<string, unknown>;
    expect(json).toMatchObject({
      level: 'crit',
      stale: true,
      error: 'unauthorized: the credentials were rejected',
      reason: 'unauthorized',
    });
  });

  it('wide characters in a cluster name are measured as two columns', async () => {
    const shown = await line({ ...DATA, cluster: '本番クラスタ' }, 30);
    expect(stringWidth(shown)).toBeLessThanOrEqual(30);
    expect(shown.startsWith('⎈ 本番クラスタ ')).toBe(true);
  });
});

describe('statusLine formats', () => {
  it('tmux: a # in a name is doubled, so tmux shows it rather than reading a format', async () => {
    expect(await line({ ...DATA, cluster: 'team#1' }, 200, 'tmux')).toMatch(/^⎈ team##1 /);
  });

  it('tmux: crit bold red, warn yellow, the sparkline dim', async () => {
    const tmux = await line(DATA, 200, 'tmux');
    expect(tmux).toContain('#[fg=red,bold]disk ‼ node-7 93%#[default]');
    expect(tmux).toContain('#[fg=yellow]mem ! node-3 84%#[default]');
    expect(tmux).toContain('#[dim]▃▄▅▅#[default]');
  });

  it('color off: no codes in tmux or ANSI, the same text as plain', async () => {
    const plain = await line(DATA, 80);
    for (const format of ['tmux', 'ansi'] as const) {
      expect(await statusLine(DATA, { format, color: false, maxWidth: 80, ascii: false })).toBe(plain);
    }
  });
});

describe('statusLine: alert ages and projected fills', () => {
  const NOW = Date.parse('2026-06-26T10:00:00Z');
  const aging: StatusData = {
    ...DATA,
    problems: [
      { level: 'crit', label: 'disk', node: 'hk-7', percent: 93.4, since: NOW - 12 * 60_000, fullInMs: 40 * 60_000 },
      { level: 'warn', label: 'mem', node: 'hk-3', percent: 84.1, since: NOW - 30_000, fullInMs: null },
    ],
  };
  const at = (maxWidth: number, format: StatusFormat = 'plain') =>
    statusLine(aging, { format, color: true, maxWidth, ascii: false, now: NOW });

  it('says how long each problem has lasted (from a minute) and when its disk is projected full', async () => {
    expect(await at(200)).toBe('⎈ prod-eu 12/12 cpu 48% ▃▄▅▅ mem 31% disk ‼ hk-7 93% 12m · full 40m mem ! hk-3 84%');
  });

  it('the age and projection give way before the problem, and before the cluster CPU; no figure takes their room', async () => {
    expect(await at(60)).toBe('⎈ prod-eu 12/12 cpu 48% disk ‼ hk-7 93% mem ! hk-3 84%');
    expect(await at(70)).toBe('⎈ prod-eu 12/12 cpu 48% disk ‼ hk-7 93% 12m · full 40m mem ! hk-3 84%');
  });

  it('json gives the start as RFC 3339 and the projection in seconds', async () => {
    const json = JSON.parse(await at(80, 'json')) as { problems: { since: string | null; fullInSeconds: number | null }[] };
    expect(json.problems[0]).toMatchObject({ since: '2026-06-26T09:48:00.000Z', fullInSeconds: 2400 });
    expect(json.problems[1]).toMatchObject({ since: '2026-06-26T09:59:30.000Z', fullInSeconds: null });
  });
});
