import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { KMON, kmon } from '../helpers/cli.js';
import { PLAIN_ENV } from '../helpers/status-run.js';
import { stripSgr, Tmux } from '../helpers/tmux.js';
import { hasTool } from '../helpers/tools.js';

// The terminals kmon meets on a bastion: NO_COLOR, --no-color, --ascii, a C locale, TERM=dumb,
// output to a pipe, and tmux announcing itself as tmux-256color or plain screen. The live screen
// runs in a real terminal (tmux); top and status are read from a pipe.

const TMUX = hasTool('tmux', ['-V']);
if (!TMUX) console.warn('tmux is not on PATH: skipping the terminal-mode screen tests');

const RED_OR_YELLOW = /\u001B\[(?:[0-9;]*;)?(?:31|33)(?:;[0-9;]*)?m/;
const ESC = /\u001B/;
/** Box drawing, block elements (sparklines, bars) and the glyphs that have ASCII stand-ins. */
const NOT_ASCII_SAFE = /[\u2500-\u259f‼⎈▲▼✓⚠·]/u;

let sim: Sim;
let tmux: Tmux | null = null;

beforeAll(async () => {
  sim = await startSim({ nodes: 4, podsPerNode: 4, seed: 5 });
});
afterAll(() => sim?.stop());
afterEach(async () => {
  await tmux?.kill();
  tmux = null;
});

/** The live screen in a 120×32 tmux pane, started with `prefix` (env assignments) and `args`. */
async function liveScreen(name: string, prefix: string, args: string): Promise<string> {
  tmux = await Tmux.start(name, 120, 32, { LANG: 'C.UTF-8', NO_COLOR: '' });
  await tmux.type(`${prefix} node ${KMON} --kubeconfig ${sim.kubeconfigPath} --interval 1s ${args}; echo "kmon-exit=$?"`);
  await tmux.send(['Enter']);
  const screen = await tmux.waitFor(
    (s) => /DISK%/.test(s) && /\b9\d% (‼|!!)/.test(stripSgr(s)) && /PODS \d+/.test(s),
    20_000,
    'nodes with disk figures',
  );
  expect(await tmux.display('#{alternate_on}')).toBe('1');
  await tmux.type('q');
  await tmux.waitFor((s) => s.includes('kmon-exit=0'), 10_000, 'a clean exit');
  return screen;
}

describe.skipIf(!TMUX)('the live screen in a real terminal', () => {
  it('NO_COLOR=1: no red or yellow anywhere, ‼ still marks the full disk', async () => {
    const screen = await liveScreen('nocolor', 'NO_COLOR=1', '');
    expect(screen).not.toMatch(RED_OR_YELLOW);
    expect(stripSgr(screen)).toMatch(/9\d% ‼/);
  });

  it('--no-color: the same', async () => {
    const screen = await liveScreen('nocolorflag', '', '--no-color');
    expect(screen).not.toMatch(RED_OR_YELLOW);
    expect(stripSgr(screen)).toMatch(/9\d% ‼/);
  });

  it.each([
    ['--ascii', '', '--ascii'],
    ['LANG=C with no LC_*', 'env -u LC_ALL -u LC_CTYPE LANG=C', ''],
  ])('%s: no box, block or Unicode glyphs; !! marks the full disk, colours stay', async (_why, prefix, args) => {
    const screen = await liveScreen('ascii', prefix, args);
    expect(stripSgr(screen)).not.toMatch(NOT_ASCII_SAFE);
    expect(stripSgr(screen)).toMatch(/9\d% !!/);
    expect(screen).toMatch(RED_OR_YELLOW);
  });

  it.each(['tmux-256color', 'screen'])('TERM=%s: the screen draws, in colour', async (term) => {
    const screen = await liveScreen(`term-${term}`, `TERM=${term}`, '');
    expect(screen).toMatch(RED_OR_YELLOW);
    for (const node of sim.cluster.nodeNames) expect(stripSgr(screen)).toContain(node);
  });

  it.each(['vt100', 'xterm-mono'])('TERM=%s (no colours in terminfo): the screen draws without colour', async (term) => {
    const screen = await liveScreen(`term-${term}`, `TERM=${term}`, '');
    expect(screen).not.toMatch(RED_OR_YELLOW);
    expect(stripSgr(screen)).toMatch(/9\d% ‼/);
  });

  it('TERM=dumb: the node and pod tables once, exit 0, the normal screen untouched', async () => {
    tmux = await Tmux.start('dumb', 200, 60, { LANG: 'C.UTF-8' });
    await tmux.type(`TERM=dumb node ${KMON} --kubeconfig ${sim.kubeconfigPath}; echo "kmon-exit=$?"`);
    await tmux.send(['Enter']);
    const screen = await tmux.waitFor((s) => /^kmon-exit=\d/m.test(s), 20_000, 'kmon to finish');
    expect(screen).toMatch(/^kmon-exit=0$/m);
    expect(await tmux.display('#{alternate_on}')).toBe('0');
    // Left on the normal screen, as a live screen on the alternate one never is.
    expect(screen).toMatch(/^NAME\s+CPU\(cores\)/m);
    expect(screen).toMatch(/^NAMESPACE\s+NAME\s+CPU\(cores\)/m);
    expect(screen).not.toMatch(RED_OR_YELLOW);
  });

  it('TERM=dumb in a 100-column terminal: the tables fit it, the least important columns left out', async () => {
    tmux = await Tmux.start('dumb-narrow', 100, 60, { LANG: 'C.UTF-8' });
    // tmux joins nothing back: a line wider than the pane would show as two.
    await tmux.type(`TERM=dumb node ${KMON} --kubeconfig ${sim.kubeconfigPath}; echo "kmon-exit=$?"`);
    await tmux.send(['Enter']);
    const screen = stripSgr(await tmux.waitFor((s) => /^kmon-exit=\d/m.test(stripSgr(s)), 15_000, 'kmon to finish'));
    expect(screen).toMatch(/^kmon-exit=0$/m);
    const lines = screen.split('\n');
    const pods = lines.findIndex((l) => /^NAMESPACE\s+NAME\s+CPU\(cores\)/.test(l));
    expect(pods).toBeGreaterThan(0);
    // Every row of the pod table starts with a namespace: none is the wrapped end of the one before.
    const rows = lines.slice(
      pods + 1,
      lines.findIndex((l) => l.startsWith('kmon-exit')),
    );
    for (const row of rows) expect(row).toMatch(/^[a-z][a-z0-9-]*\s+\S/);
    expect(lines[pods]).toContain('ALERTS');
  });

  it('kmon < /dev/null: the node and pod tables once, exit 0, as when output is not a terminal', async () => {
    tmux = await Tmux.start('no-stdin', 200, 60, { LANG: 'C.UTF-8' });
    await tmux.type(`node ${KMON} --kubeconfig ${sim.kubeconfigPath} < /dev/null; echo "kmon-exit=$?"`);
    await tmux.send(['Enter']);
    const screen = stripSgr(await tmux.waitFor((s) => /^kmon-exit=\d/m.test(stripSgr(s)), 15_000, 'kmon to finish'));
    expect(screen).toMatch(/^kmon-exit=0$/m);
    expect(screen).not.toContain('Raw mode');
    expect(screen).toMatch(/^NAME\s+CPU\(cores\)/m);
    expect(screen).toMatch(/^NAMESPACE\s+NAME\s+CPU\(cores\)/m);
  });

  it('kmon status typed at a prompt inside tmux prints ANSI colour, not tmux codes; NO_COLOR turns it off', async () => {
    tmux = await Tmux.start('status', 200, 10, { LANG: 'C.UTF-8', NO_COLOR: '' });
    const command = `node ${KMON} status --kubeconfig ${sim.kubeconfigPath} --no-kubelet`;
    await tmux.type(`${command}; NO_COLOR=1 ${command}; echo "kmon-done"`);
    await tmux.send(['Enter']);
    const screen = await tmux.waitFor((s) => /^kmon-done/m.test(s), 15_000, 'two status lines');
    const lines = screen.split('\n').filter((l) => stripSgr(l).startsWith('⎈ '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(RED_OR_YELLOW);
    // capture-pane opens every line with resets; what matters is that no colour is set.
    expect(lines[1]).not.toMatch(RED_OR_YELLOW);
    for (const l of lines) expect(l).not.toContain('#[');
  });
});

describe('kmon and kmon top with output to a pipe', () => {
  it('kmon with COLUMNS=80: the tables fit 80 columns', async () => {
    const ran = await kmon(['--kubeconfig', sim.kubeconfigPath], { ...PLAIN_ENV, COLUMNS: '80' });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^NAMESPACE\s+NAME\s+CPU\(cores\)/m);
    for (const line of ran.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('kmon: the tables once, exit 0, no escape sequences even with FORCE_COLOR set', async () => {
    const ran = await kmon(['--kubeconfig', sim.kubeconfigPath], { ...PLAIN_ENV, FORCE_COLOR: '1' });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^NAME\s+CPU\(cores\)/m);
    expect(ran.stdout).toMatch(/^NAMESPACE\s+NAME\s+CPU\(cores\)/m);
    expect(ran.stdout).not.toMatch(ESC);
    expect(ran.stdout).toMatch(/9\d%\s+‼/);
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1' }, [], '‼'],
    ['--no-color', {}, ['--no-color'], '‼'],
    ['--ascii', {}, ['--ascii'], '!!'],
    ['LANG=C', { LANG: 'C' }, [], '!!'],
  ] as const)('kmon top nodes with %s: no escapes, alerts marked with %s', async (_why, env, args, glyph) => {
    const ran = await kmon(['top', 'nodes', '--kubeconfig', sim.kubeconfigPath, ...args], { ...PLAIN_ENV, ...env });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).not.toMatch(ESC);
    expect(ran.stdout).toContain(`${glyph} DiskPressure`);
    if (glyph === '!!') expect(ran.stdout).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
