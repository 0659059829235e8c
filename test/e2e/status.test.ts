import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { KMON, kmon } from '../helpers/cli.js';
import { cacheHome, PLAIN_ENV, status, visible, visibleWidth } from '../helpers/status-run.js';
import { writeTestKubeconfig } from './faults/test-kubeconfig.js';

// `kmon status` as tmux runs it: output to a pipe, a cache directory per test, the simulated
// cluster on a frozen clock so that every run, and `kmon top`, read the same figures.

const FROZEN = Date.parse('2026-11-25T10:00:00Z');
const ESC = /\u001B/;

interface TopFigure {
  readonly percent: number | null;
  readonly level: string;
}

interface TopNode {
  readonly name: string;
  readonly ready: boolean;
  readonly cpu: TopFigure & { usageMillicores: number; allocatableMillicores: number };
  readonly memory: TopFigure & { workingSetBytes: number; allocatableBytes: number };
  readonly disk: TopFigure | null;
}

interface StatusJson {
  readonly cluster: string;
  readonly level: string;
  readonly nodes: { ready: number; total: number };
  readonly cpu: { percent: number; level: string };
  readonly memory: { percent: number; level: string };
  readonly problems: {
    level: string;
    label: string;
    node: string;
    percent: number | null;
    since: string | null;
    fullInSeconds: number | null;
  }[];
  readonly stale: boolean;
}

let sim: Sim;
let nodes: TopNode[];
/** A cache with disk figures read (by --refresh-disk), copied for each test that wants them. */
let warmCache: string;
let fullDisk: string;

beforeAll(async () => {
  sim = await startSim({ nodes: 6, podsPerNode: 4, seed: 3, now: () => FROZEN });
  fullDisk = sim.cluster.roles.fullDiskNode;
  warmCache = cacheHome();
  const [top, warm] = await Promise.all([
    kmon(['top', 'nodes', '-o', 'json', '--kubeconfig', sim.kubeconfigPath]),
    status(sim.kubeconfigPath, warmCache, ['--refresh-disk', '--format', 'plain']),
  ]);
  expect(top.code, top.stderr).toBe(0);
  expect(warm.code, warm.stderr).toBe(0);
  nodes = (JSON.parse(top.stdout) as { items: TopNode[] }).items;
});
afterAll(() => sim?.stop());

/** `kmon status` against the shared sim, on a copy of the cache that has disk figures. */
const warmStatus = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => status(sim.kubeconfigPath, cacheHome(warmCache), args, env);

const line = (stdout: string) => {
  expect(stdout.endsWith('\n') && stdout.indexOf('\n') === stdout.length - 1, `one line: ${JSON.stringify(stdout)}`).toBe(true);
  return stdout.slice(0, -1);
};

describe('kmon status formats', () => {
  it('json: the cluster, its level, Ready nodes and cluster CPU/memory as kmon top reads them, the full disk as a crit problem', async () => {
    const ran = await warmStatus(['--format', 'json']);
    expect(ran.code, ran.stderr).toBe(0);
    const data = JSON.parse(line(ran.stdout)) as StatusJson;
    const sum = (pick: (n: TopNode) => number) => nodes.reduce((total, n) => total + pick(n), 0);
    expect(data.cluster).toBe(sim.contextName);
    expect(data.nodes).toEqual({ ready: nodes.filter((n) => n.ready).length, total: nodes.length });
    expect(data.cpu.percent).toBeCloseTo((sum((n) => n.cpu.usageMillicores) / sum((n) => n.cpu.allocatableMillicores)) * 100, 6);
    expect(data.memory.percent).toBeCloseTo((sum((n) => n.memory.workingSetBytes) / sum((n) => n.memory.allocatableBytes)) * 100, 6);
    expect(data.stale).toBe(false);
    expect(data.level).toBe('crit');
    // Every figure kmon top marks is a problem on the line, at the same level and percent.
    const figures = data.problems.filter((p) => p.percent !== null);
    const expected = nodes.flatMap((n) =>
      (
        [
          ['disk', n.disk],
          ['mem', n.memory],
          ['cpu', n.cpu],
        ] as const
      ).flatMap(([label, f]) => (f && f.level !== 'ok' ? [{ label, node: n.name, level: f.level, percent: f.percent ?? 0 }] : [])),
    );
    expect(figures).toHaveLength(expected.length);
    for (const e of expected) {
      const found = figures.find((p) => p.label === e.label && p.node === e.node);
      expect(found?.level, `${e.label} ${e.node}`).toBe(e.level);
      expect(Math.abs((found?.percent ?? 0) - e.percent)).toBeLessThan(1);
    }
    expect(data.problems).toContainEqual(expect.objectContaining({ label: 'disk', node: fullDisk, level: 'crit' }));
    // The condition dates from its last transition, as the node says; no disk projection on a first look.
    expect(data.problems).toContainEqual({
      label: 'DiskPressure',
      node: fullDisk,
      level: 'crit',
      percent: null,
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      fullInSeconds: null,
    });
    // Worst first: the crit problems lead.
    expect(data.problems[0]?.level).toBe('crit');
  });

  it('tmux: crit problems in #[fg=red,bold]…#[default], the rest unpainted; the default when TMUX is set and output is a pipe', async () => {
    const [explicit, byEnv] = await Promise.all([
      warmStatus(['--format', 'tmux']),
      warmStatus([], { TMUX: '/tmp/tmux-1000/default,4242,0' }),
    ]);
    const tmux = line(explicit.stdout);
    expect(tmux).toMatch(new RegExp(`#\\[fg=red,bold\\]disk ‼ ${fullDisk} 9\\d%#\\[default\\]`));
    expect(tmux).toMatch(new RegExp(`#\\[fg=red,bold\\]DiskPressure ‼ ${fullDisk}#\\[default\\]`));
    expect(tmux.startsWith(`⎈ ${sim.contextName} 6/6 `)).toBe(true);
    expect(tmux).not.toMatch(ESC);
    expect(line(byEnv.stdout)).toBe(tmux);
  });

  it('ansi: crit problems bold red (SGR 1;31) and reset, no tmux codes', async () => {
    const ansi = line((await warmStatus(['--format', 'ansi'])).stdout);
    expect(ansi).toContain(`\u001B[1;31mdisk ‼ ${fullDisk} 9`);
    expect(ansi).toMatch(/\u001B\[0m$/);
    expect(ansi).not.toContain('#[');
  });

  it('plain: no escapes at all; ‼ marks crit, ! warn, ASCII stand-ins with --ascii', async () => {
    const [plain, warnAt40, ascii] = await Promise.all([
      warmStatus(['--format', 'plain']),
      warmStatus(['--format', 'plain', '--disk-warn', '40', '--disk-crit', '99']),
      warmStatus(['--format', 'plain', '--ascii']),
    ]);
    for (const ran of [plain, warnAt40, ascii]) {
      expect(ran.stdout).not.toMatch(ESC);
      expect(ran.stdout).not.toContain('#[');
    }
    expect(line(plain.stdout)).toContain(`disk ‼ ${fullDisk} 9`);
    expect(line(warnAt40.stdout)).toMatch(new RegExp(`disk ! ${fullDisk} 9\\d%`));
    expect(line(ascii.stdout)).toMatch(new RegExp(`^\\* ${sim.contextName} .*disk !! ${fullDisk} 9\\d%`));
    expect(line(ascii.stdout)).toMatch(/^[\x20-\x7e]*$/);
  });

  it('NO_COLOR and --no-color: no colour in the ansi and tmux formats, glyphs kept, the default for a terminal becomes plain', async () => {
    const runs = await Promise.all([
      warmStatus(['--format', 'ansi'], { NO_COLOR: '1' }),
      warmStatus(['--format', 'ansi', '--no-color']),
      warmStatus(['--format', 'tmux'], { NO_COLOR: '1' }),
      warmStatus([], { TMUX: '/tmp/tmux-1000/default,4242,0', NO_COLOR: '1' }),
    ]);
    const plain = line((await warmStatus(['--format', 'plain'])).stdout);
    for (const ran of runs) {
      expect(line(ran.stdout)).not.toMatch(ESC);
      expect(line(ran.stdout)).not.toContain('#[');
      expect(line(ran.stdout)).toBe(plain);
    }
  });

  it('a non-UTF-8 locale (LANG=C, no LC_*) gets ASCII glyphs; LC_ALL and LC_CTYPE take precedence over LANG', async () => {
    const [c, narrow, lcAll, lcCtype] = await Promise.all([
      warmStatus(['--format', 'plain'], { LANG: 'C' }),
      warmStatus(['--format', 'plain', '--max-width', '20'], { LANG: 'C' }),
      warmStatus(['--format', 'plain'], { LANG: 'C.UTF-8', LC_ALL: 'C' }),
      warmStatus(['--format', 'plain'], { LANG: 'C', LC_CTYPE: 'C.UTF-8' }),
    ]);
    expect(line(c.stdout)).toMatch(/^[\x20-\x7e]*$/);
    expect(line(c.stdout)).toContain(`!! ${fullDisk}`);
    // Cut short, the line ends in ~ rather than …
    expect(line(narrow.stdout)).toMatch(/^\* kmon-sim !! [\x20-\x7e]*~$/);
    expect(line(lcAll.stdout)).toMatch(/^[\x20-\x7e]*$/);
    expect(line(lcCtype.stdout)).toContain(`‼ ${fullDisk}`);
  });
});

describe('kmon status --max-width', () => {
  it.each(['plain', 'tmux', 'ansi'])('%s: never wider than N columns; the cluster and the worst alert stay', async (format) => {
    for (const width of [20, 40, 80]) {
      const shown = line((await warmStatus(['--format', format, '--max-width', String(width)])).stdout);
      expect(visibleWidth(shown), `${width}: ${visible(shown)}`).toBeLessThanOrEqual(width);
      expect(visible(shown).startsWith(`⎈ ${sim.contextName} `), visible(shown)).toBe(true);
      expect(visible(shown)).toContain('‼');
    }
  });

  it('one column short, only the least important part goes (memory); every problem stays', async () => {
    const full = line((await warmStatus(['--format', 'plain', '--max-width', '500'])).stdout);
    expect(full).toMatch(/ cpu \d+% mem \d+% /);
    const width = visibleWidth(full);
    const short = line((await warmStatus(['--format', 'plain', '--max-width', String(width - 1)])).stdout);
    expect(short).toBe(full.replace(/ mem \d+%/, ''));
  });

  it('given room, a problem says how long it has lasted: the sim’s full disk has been under DiskPressure for days', async () => {
    const wide = line((await warmStatus(['--format', 'plain', '--max-width', '300'])).stdout);
    expect(wide).toMatch(new RegExp(`DiskPressure ‼ ${fullDisk} \\d+d `));
  });

  it('at 40 columns the worst problem is shown in full, cluster figures gave way', async () => {
    const shown = line((await warmStatus(['--format', 'plain', '--max-width', '40'])).stdout);
    expect(shown).not.toMatch(/ (cpu|mem) \d/);
    expect(shown).toMatch(new RegExp(`‼ ${fullDisk}`));
  });
});

describe('kmon status cache', () => {
  it('--cached prints the last line, marked stale, without a single request to the cluster', async () => {
    const cache = cacheHome(warmCache);
    const wide = ['--format', 'plain', '--max-width', '200'];
    const fresh = line((await status(sim.kubeconfigPath, cache, wide)).stdout);
    const before = total(sim.requestCounts());
    const cached = await status(sim.kubeconfigPath, cache, [...wide, '--cached']);
    expect(total(sim.requestCounts())).toBe(before);
    expect(line(cached.stdout)).toMatch(new RegExp(`^⎈ ${sim.contextName} 6/6 stale \\d+s `));
    expect(line(cached.stdout).replace(/ stale \d+s/, '')).toBe(fresh);
  });

  it('--cached with nothing cached says so', async () => {
    const ran = await status(sim.kubeconfigPath, cacheHome(), ['--format', 'plain', '--cached']);
    expect(line(ran.stdout)).toBe(`⎈ ${sim.contextName} ✗ nothing cached yet`);
  });

  it('a first run starts a background disk refresh; a later run shows disk problems, even with runs in between', async () => {
    const cache = cacheHome();
    const summaries = sim.requestCounts()['GET kubelet summary'] ?? 0;
    const first = line((await status(sim.kubeconfigPath, cache, ['--format', 'plain'])).stdout);
    expect(first).not.toContain('disk ‼');
    expect(first).toContain(`DiskPressure ‼ ${fullDisk}`);
    // Runs that overlap the refresh must not undo it.
    const diskFile = await waitForFile(
      path.join(cache, 'kmon'),
      (name) => name.endsWith('.disk.json'),
      () => status(sim.kubeconfigPath, cache, ['--format', 'plain']),
    );
    expect(existsSync(diskFile)).toBe(true);
    expect((sim.requestCounts()['GET kubelet summary'] ?? 0) - summaries).toBeGreaterThanOrEqual(sim.cluster.nodeNames.length);
    const later = line((await status(sim.kubeconfigPath, cache, ['--format', 'plain', '--max-width', '200'])).stdout);
    expect(later).toMatch(new RegExp(`disk ‼ ${fullDisk} 9\\d%`));
  });
});

describe('kmon status run after run, as tmux runs it', () => {
  // Runs after the first start from compiled code kept in the cache (V8's code cache on Node 20);
  // what a run loads only when it needs it must load from there too.
  it('an exec user and a background disk refresh work on later runs as on the first', async () => {
    const cache = cacheHome();
    const kubeconfig = await writeTestKubeconfig({ server: sim.url, caPem: sim.caPem, exec: true });
    await kubeconfig.setToken(sim.token);
    for (const run of [1, 2, 3]) {
      const ran = await status(kubeconfig.path, cache, ['--format', 'plain']);
      expect(ran.stderr).toBe('');
      expect(line(ran.stdout), `run ${run}`).toMatch(/^⎈ test 6\/6 cpu \d+%/);
      const diskFile = await waitForFile(
        path.join(cache, 'kmon'),
        (name) => name.endsWith('.disk.json'),
        () => new Promise((r) => setTimeout(r, 50)),
      );
      const lineFile = diskFile.replace(/\.disk\.json$/, '.json');
      // The refresh saves the line too, once done: until then it would undo the edit below.
      await vi.waitFor(() => expect(running(`--refresh-disk`, kubeconfig.path)).toBe(false), { timeout: 10_000, interval: 50 });
      // Five minutes on: the next run starts the disk refresh again.
      rmSync(diskFile);
      const saved = JSON.parse(readFileSync(lineFile, 'utf8')) as { diskRefreshStartedAt: number };
      writeFileSync(lineFile, JSON.stringify({ ...saved, diskRefreshStartedAt: saved.diskRefreshStartedAt - 5 * 60_000 - 1 }));
    }
    expect(kubeconfig.pluginRuns()).toBeGreaterThanOrEqual(6);
  });
});

/** Whether a process runs whose command line holds all of `parts` (Linux: read from /proc). */
function running(...parts: string[]): boolean {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .some((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return parts.every((part) => command.includes(part));
      } catch {
        return false;
      }
    });
}

describe('kmon status --watch', () => {
  it('keeps ready-made tmux and plain lines in $XDG_CACHE_HOME/kmon/CONTEXT.tmux and .txt, and says where', async () => {
    const cache = cacheHome(warmCache);
    const watch = spawn(process.execPath, [KMON, 'status', '--kubeconfig', sim.kubeconfigPath, '--watch', '1s'], {
      env: { ...process.env, ...PLAIN_ENV, XDG_CACHE_HOME: cache },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let said = '';
    watch.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString();
    });
    try {
      const dir = path.join(cache, 'kmon');
      const text = await waitForFile(
        dir,
        (name) => name === `${sim.contextName}.txt`,
        () => new Promise((r) => setTimeout(r, 50)),
      );
      const tmuxLine = readFileSync(path.join(dir, `${sim.contextName}.tmux`), 'utf8');
      expect(tmuxLine).toMatch(new RegExp(`#\\[fg=red,bold\\]disk ‼ ${fullDisk} 9\\d%#\\[default\\]`));
      expect(readFileSync(text, 'utf8')).toBe(`${visible(tmuxLine.trimEnd())}\n`);
      expect(said).toContain(path.join(dir, `${sim.contextName}.tmux`));
    } finally {
      watch.kill();
    }
  });
});

describe('kmon status when the cluster stops answering', () => {
  let own: Sim;
  let cache: string;
  let fresh: string;

  beforeAll(async () => {
    own = await startSim({ nodes: 3, podsPerNode: 3, seed: 4, now: () => FROZEN });
    cache = cacheHome();
    // --no-kubelet: no background disk refresh to outlive the cluster and touch the cache.
    fresh = line((await status(own.kubeconfigPath, cache, ['--format', 'plain', '--no-kubelet', '--max-width', '200'])).stdout);
  });
  afterAll(() => own?.stop());

  it('refused: ✗ unreachable at once, beside the last known line marked stale', async () => {
    await own.setFaults({ apiserverDown: 'closed' });
    try {
      const started = Date.now();
      const ran = await status(own.kubeconfigPath, cache, ['--format', 'plain', '--no-kubelet', '--timeout', '3s', '--max-width', '200']);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(line(ran.stdout)).toMatch(/^⎈ \S+ ✗ unreachable \d+\/\d+ stale \d+s /);
      expect(
        line(ran.stdout)
          .replace(/ ✗ unreachable/, '')
          .replace(/ stale \d+s/, ''),
      ).toBe(fresh);
    } finally {
      await own.setFaults({ apiserverDown: false });
    }
  });

  it('credentials rejected after a good run: ✗ unauthorized in every format, the figures stale, an error in JSON, exit 0', async () => {
    await own.setFaults({ unauthorized: true });
    try {
      const [plain, tmux, ansi, json] = await Promise.all(
        ['plain', 'tmux', 'ansi', 'json'].map((format) =>
          status(own.kubeconfigPath, cacheHome(cache), ['--format', format, '--no-kubelet']),
        ),
      );
      expect(line(plain?.stdout ?? '')).toMatch(/^⎈ \S+ ✗ unauthorized \d+\/\d+ stale \d+s /);
      expect(line(tmux?.stdout ?? '')).toContain('#[fg=red,bold]✗ unauthorized#[default]');
      expect(line(ansi?.stdout ?? '')).toContain('\x1b[1;31m✗ unauthorized\x1b[0m');
      const data = JSON.parse(line(json?.stdout ?? '')) as StatusJson & { error: string; reason: string };
      expect(data).toMatchObject({
        level: 'crit',
        stale: true,
        reason: 'unauthorized',
        error: 'unauthorized: the credentials were rejected',
      });
      expect(json?.code).toBe(0);
    } finally {
      await own.setFaults({ unauthorized: false });
    }
  });

  it('the cache is kept per server and user: another cluster under the same context name never shows these figures', async () => {
    const other = await startSim({ nodes: 2, podsPerNode: 1, seed: 9, now: () => FROZEN, contextName: own.contextName });
    try {
      await other.setFaults({ apiserverDown: 'closed' });
      const ran = await status(other.kubeconfigPath, cacheHome(cache), ['--format', 'plain', '--no-kubelet']);
      expect(line(ran.stdout)).toMatch(/^⎈ \S+ ✗ cannot reach https:\/\/127\.0\.0\.1:\d+: connection refused$/);
    } finally {
      await other.stop();
    }
  });

  it('hung (a server that accepts and never answers): ✗ no answer within --timeout, beside the last known line marked stale', async () => {
    await own.setFaults({ hang: ['nodes', 'metrics nodes'] });
    try {
      const started = Date.now();
      const ran = await status(own.kubeconfigPath, cache, ['--format', 'json', '--no-kubelet', '--timeout', '1s']);
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(1_000);
      // The timeout plus a process start and exit, which under load can take a good part of a second.
      expect(took).toBeLessThan(2_500);
      const data = JSON.parse(line(ran.stdout)) as StatusJson & { ageSeconds: number; reason: string };
      expect(data).toMatchObject({ stale: true, reason: 'no answer', level: 'crit', nodes: { ready: 3, total: 3 } });
    } finally {
      await own.setFaults({ hang: [] });
    }
  });
});

function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Runs `step` until a file matching `match` appears in `dir`; its path. */
async function waitForFile(
  dir: string,
  match: (name: string) => boolean,
  step: () => Promise<unknown>,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = existsSync(dir) ? readdirSync(dir).find(match) : undefined;
    if (found) return path.join(dir, found);
    await step();
  }
  throw new Error(`no file in ${dir} within ${timeoutMs} ms`);
}
