import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KMON, kmon } from '../helpers/cli.js';
import { type FleetSims, startFleet } from '../helpers/fleet-sims.js';
import { cacheHome, PLAIN_ENV, visibleWidth } from '../helpers/status-run.js';
import { tempDir } from '../helpers/temp-dir.js';
import { stripSgr, Tmux } from '../helpers/tmux.js';
import { hasTool } from '../helpers/tools.js';

// Several clusters at once, as an on-call engineer watches prod and staging: three simulated
// clusters in one kubeconfig, one of them with its apiserver gone (the port closed), and in the
// second fleet one that never answers. Each face is run as a person would run it.

const TMUX = hasTool('tmux', ['-V']);
if (!TMUX) console.warn('tmux is not on PATH: skipping the fleet screen tests');

let fleet: FleetSims;
const sessions: Tmux[] = [];

beforeAll(async () => {
  fleet = await startFleet(tempDir('kmon-fleet-'), {
    'prod-eu': { nodes: 4, podsPerNode: 4, seed: 11 },
    staging: { nodes: 3, podsPerNode: 3, seed: 12 },
    'dev-down': { nodes: 2, podsPerNode: 2, seed: 13, faults: { apiserverDown: 'closed' } },
  });
});
afterAll(async () => {
  for (const t of sessions) await t.kill();
  await fleet?.stop();
});

async function terminal(name: string, width: number, height: number): Promise<Tmux> {
  const t = await Tmux.start(name, width, height);
  sessions.push(t);
  return t;
}

/** The row of a context in the fleet pane, colour codes gone. */
const row = (screen: string, context: string) =>
  stripSgr(screen)
    .split('\n')
    .find((l) => l.startsWith(`${context} `)) ?? '';
/** A row with its nodes read and its data seconds old: current. */
const current = (line: string) => /\b(\d+)\/\1\b/.test(line) && /\s\d+s$/.test(line.trimEnd()) && !line.includes('STALE');
const headerOf = (screen: string) => stripSgr(screen).split('\n')[0] ?? '';

describe.skipIf(!TMUX)('the fleet view in a real terminal', () => {
  it('three clusters, one unreachable: every row, the down one red with its cause; Enter and Esc; c switches', async () => {
    const t = await terminal('fleet', 120, 32);
    await t.type(`node ${KMON} --kubeconfig ${fleet.kubeconfig} --all-contexts --interval 1s; echo "kmon-exit=$?"`);
    await t.send(['Enter']);
    const screen = await t.waitFor(
      (s) => current(row(s, 'prod-eu')) && current(row(s, 'staging')) && row(s, 'dev-down').includes('connection refused'),
      15_000,
      'all three clusters',
    );
    expect(headerOf(screen)).toMatch(/⎈ fleet {2}3 clusters {2}✗ 1 unreadable/);
    expect(row(screen, 'dev-down')).toMatch(/ \? .*✗ connection refused/);
    // Red and bold (SGR 1 and 31) for the unreachable cluster's reason.
    expect(screen).toMatch(/\u001B\[[0-9;]*31[0-9;]*m[^\n]*✗ connection refused/);
    for (const line of stripSgr(screen).split('\n')) expect(line.length).toBeLessThanOrEqual(120);

    // Enter opens staging's own screen (filtered to it first, so the row is the selected one).
    await t.type('/staging');
    await t.send(['Enter']);
    await t.waitFor((s) => stripSgr(s).includes('CLUSTERS 1  filter staging'), 10_000, 'the filtered fleet');
    await t.send(['Enter']);
    const staging = await t.waitFor((s) => /^⎈ staging {2}ctx staging/.test(headerOf(s)) && /PODS \d+/.test(s), 10_000, "staging's screen");
    expect(stripSgr(staging)).toMatch(/nodes 3\/3 Ready|nodes 2\/3 Ready/);
    expect(stripSgr(staging)).toContain('Esc fleet');
    await t.send(['Escape']);
    await t.waitFor((s) => headerOf(s).startsWith('⎈ fleet') && stripSgr(s).includes('filter staging'), 10_000, 'the fleet again');
    await t.send(['Escape']);
    await t.waitFor((s) => stripSgr(s).includes('CLUSTERS 3'), 10_000, 'the filter cleared');

    // c: the kubeconfig's contexts; picking dev-down shows its screen and why it cannot be read.
    await t.type('c');
    await t.waitFor((s) => stripSgr(s).includes('context (↑↓ choose'), 10_000, 'the context picker');
    await t.send(['End', 'Enter']);
    const dev = await t.waitFor((s) => /^⎈ dev-down/.test(headerOf(s)), 10_000, "dev-down's screen");
    expect(stripSgr(dev)).toMatch(/✗ cannot reach https:\/\/127\.0\.0\.1:\d+: connection refused/);
    // And from a cluster's screen, c switches straight to another.
    await t.type('c');
    await t.send(['Home', 'Enter']);
    await t.waitFor((s) => /^⎈ prod-eu/.test(headerOf(s)), 10_000, "prod-eu's screen");

    await t.type('q');
    const after = await t.waitFor((s) => /^kmon-exit=\d/m.test(s), 10_000, 'the shell after q');
    expect(after).toContain('kmon-exit=0');
  });

  it('a cluster that never answers holds up none of the others (80×24)', async () => {
    const slow = await startFleet(tempDir('kmon-fleet-slow-'), {
      quick: { nodes: 3, podsPerNode: 3, seed: 14 },
      stuck: { nodes: 2, podsPerNode: 2, seed: 15, faults: { hang: ['nodes', 'pods', 'metrics nodes', 'metrics pods'] } },
    });
    try {
      const t = await terminal('fleet-slow', 80, 24);
      await t.type(`node ${KMON} --kubeconfig ${slow.kubeconfig} --context quick --context stuck --request-timeout 3s`);
      await t.send(['Enter']);
      const early = await t.waitFor((s) => current(row(s, 'quick')), 15_000, 'the quick cluster');
      // While the stuck cluster has not answered, the quick one is already current.
      expect(row(early, 'stuck')).toMatch(/connecting|no answer/);
      const late = await t.waitFor((s) => row(s, 'stuck').includes('no answer'), 20_000, 'the stuck cluster named as such');
      expect(current(row(late, 'quick'))).toBe(true);
      for (const line of stripSgr(late).split('\n')) expect(line.length).toBeLessThanOrEqual(80);
      await t.type('q');
    } finally {
      await slow.stop();
    }
  });
});

describe('kmon status and kmon check for a fleet', () => {
  it('kmon status --context a --context b: one line with both, worst first, within --max-width', async () => {
    const cache = cacheHome();
    const args = ['status', '--kubeconfig', fleet.kubeconfig, '--format', 'plain', '--no-kubelet'];
    const both = await kmon([...args, '--context', 'prod-eu', '--context', 'staging'], { ...PLAIN_ENV, XDG_CACHE_HOME: cache });
    expect(both.code, both.stderr).toBe(0);
    const lines = both.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^⎈ (prod-eu|staging) .*│ (staging|prod-eu)\b/);
    expect(visibleWidth(lines[0] ?? '')).toBeLessThanOrEqual(80);

    const all = await kmon([...args, '--all-contexts', '--max-width', '100'], { ...PLAIN_ENV, XDG_CACHE_HOME: cache });
    const line = all.stdout.trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/dev-down ✗ unreachable/);
    expect(visibleWidth(line)).toBeLessThanOrEqual(100);

    const json = JSON.parse((await kmon([...args, '--all-contexts', '--format', 'json'], { ...PLAIN_ENV, XDG_CACHE_HOME: cache })).stdout);
    expect(json.level).toBe('crit');
    expect(json.clusters.map((c: { context: string }) => c.context).sort()).toEqual(['dev-down', 'prod-eu', 'staging']);
  });

  it('kmon check --all-contexts exits with the worst level, CRITICAL above UNKNOWN, every cluster in -o json', async () => {
    const args = ['check', '--kubeconfig', fleet.kubeconfig, '--request-timeout', '3s'];
    const [all, json, critAndUnknown] = await Promise.all([
      kmon([...args, '--all-contexts']),
      kmon([...args, '--all-contexts', '-o', 'json']),
      // staging alone beside the unreadable cluster: its NotReady node and crash-looping pod are crit.
      kmon([...args, '--context', 'dev-down', '--context', 'staging']),
    ]);
    expect(all.code, all.stdout).toBe(2);
    expect(all.stdout).toMatch(/^CRITICAL: 3 clusters: /);
    expect(all.stdout).toMatch(/dev-down UNKNOWN \(nodes: cannot reach https:\/\/127\.0\.0\.1:\d+: connection refused\)/);
    expect(all.stdout.split('\n')).toHaveLength(2);

    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report.level).toBe('crit');
    const dev = report.clusters.find((c: { context: string }) => c.context === 'dev-down');
    expect(dev).toMatchObject({ level: 'unknown', server: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/) });
    expect(dev.error).toMatch(/connection refused/);
    const prod = report.clusters.find((c: { context: string }) => c.context === 'prod-eu');
    expect(prod.level).toBe('crit');
    expect(prod.alerts.length).toBeGreaterThan(0);
    expect(prod.alerts[0]).toMatchObject({ level: 'crit', object: expect.stringMatching(/^(node|pod)\//), since: expect.any(String) });
    expect(critAndUnknown.code, critAndUnknown.stdout).toBe(2);
    expect(critAndUnknown.stdout).toMatch(/^CRITICAL: 2 clusters: staging CRITICAL .*; dev-down UNKNOWN/);
  });

  it('an unreadable cluster beside warnings only is UNKNOWN; --context for a context that is not there is bad input', async () => {
    const calm = await startFleet(tempDir('kmon-fleet-calm-'), {
      warm: { nodes: 4, podsPerNode: 4, seed: 16 },
      gone: { nodes: 1, podsPerNode: 1, seed: 17, faults: { apiserverDown: 'closed' } },
    });
    try {
      const { roles } = calm.sims.get('warm')?.cluster ?? { roles: null };
      const troubled = roles ? [roles.crashLoopPod, roles.leakingPod, roles.cronJob].flatMap((p) => (p ? [p.namespace] : [])) : [];
      await calm.sims.get('warm')?.setFaults({
        removed: { nodes: roles ? [roles.fullDiskNode, roles.fillingDiskNode] : [], namespaces: [...new Set(troubled)] },
      });
      const args = ['check', '--kubeconfig', calm.kubeconfig, '--request-timeout', '3s', '--all-contexts'];
      const warned = await kmon([...args, '--cpu-warn', '1', '--cpu-crit', '99']);
      expect(warned.code, warned.stdout).toBe(3);
      expect(warned.stdout).toMatch(/^UNKNOWN: 2 clusters: gone UNKNOWN \(.*connection refused\); warm WARNING \(node /);
      const typo = await kmon(['check', '--kubeconfig', calm.kubeconfig, '--context', 'warm', '--context', 'nope']);
      expect(typo.code).toBe(3);
      expect(typo.stdout).toMatch(/^UNKNOWN: bad input: context "nope" not found in kubeconfig \(available: warm, gone\)/);
    } finally {
      await calm.stop();
    }
  });
});
