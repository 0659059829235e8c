import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyFiles } from '../../src/cli/history/history-files.js';
import { connect } from '../../src/kube/connect.js';
import { resolveTarget } from '../../src/kube/kubeconfig/resolve-target.js';
import { HistoryStore } from '../../src/model/history.js';
import { encodeHistories } from '../../src/model/history-codec.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { KMON, kmon } from '../helpers/cli.js';
import { cacheHome, PLAIN_ENV } from '../helpers/status-run.js';
import { tempDir } from '../helpers/temp-dir.js';
import { stripSgr, Tmux } from '../helpers/tmux.js';
import { hasTool } from '../helpers/tools.js';

// The live screen keeps its history on disk: quit it and start it again, and a node's detail opens
// with the charts of the run before, at once. kmon check fits its trends to those samples too.

const TMUX = hasTool('tmux', ['-V']);
let sim: Sim;
let tmux: Tmux | null = null;

beforeAll(async () => {
  // Metrics move every second, so a few seconds of the first run are a chart of their own.
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 5, metricResolutionMs: 1000, diskFill: { from: 0.85, perMinute: 0.03 } });
});
afterAll(async () => {
  await tmux?.kill();
  await sim?.stop();
});

/** How far back the first detail chart goes, as its title says ("CPU % of allocatable, last 12s"), in seconds. */
function chartSpan(screen: string): number | null {
  const m = /CPU % of allocatable, last (?:(\d+)m)?(?:(\d+)s)?/.exec(stripSgr(screen));
  if (!m) return null;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

describe.skipIf(!TMUX)('the live screen’s history across restarts (tmux 120×32)', () => {
  it('a restart opens a node’s detail with the previous run’s charts at once', async () => {
    const state = tempDir('kmon-state-');
    tmux = await Tmux.start('saved', 120, 32, { XDG_STATE_HOME: state });
    const run = async () => {
      await tmux?.type(`node ${KMON} --kubeconfig ${sim.kubeconfigPath} --interval 1s; echo "kmon-exit=$?"`);
      await tmux?.send(['Enter']);
      await tmux?.waitFor((s) => /NODES \d/.test(stripSgr(s)), 20_000, 'the node pane');
      await tmux?.send(['Enter']);
    };
    await run();
    await tmux.waitFor((s) => (chartSpan(s) ?? 0) >= 10, 30_000, 'ten seconds of history in the first run');
    await tmux.type('q');
    await tmux.waitFor((s) => /^kmon-exit=0/m.test(s), 10_000, 'kmon to quit');
    const files = historyFiles(path.join(state, 'kmon'), { context: sim.contextName, server: sim.url });
    expect(existsSync(files.nodes) && existsSync(files.pods)).toBe(true);

    await run();
    // The live samples alone would say a second or two by now.
    const screen = await tmux.waitFor((s) => (chartSpan(s) ?? 0) >= 10, 3_000, 'the previous run’s history in the detail at once');
    expect(stripSgr(screen)).not.toContain('collecting history');
    await tmux.type('q');
    await tmux.waitFor((s) => (s.match(/^kmon-exit=0/gm) ?? []).length === 2, 10_000, 'kmon to quit again');
  }, 60_000);
});

describe('kmon check and the saved history', () => {
  it('projects a filling disk full from the samples a live screen saved, and not without them', async () => {
    const target = resolveTarget({ kubeconfig: sim.kubeconfigPath, env: {}, homeDir: '/nonexistent' });
    const connection = connect(target, { requestMs: 5_000, kubeletMs: 5_000 });
    const nodes = (await connection.client.listNodes()).items;
    connection.close();
    const filling = nodes.find((n) => n.name === sim.cluster.roles.fillingDiskNode);
    if (!filling) throw new Error('no filling node');
    // Four minutes climbing 3% a minute to where the sim's disk is now, every 15 s, as a live screen saw it.
    const now = Date.now();
    const nodeDisk = new HistoryStore({ seriesCount: 3, depth: 240 });
    for (let s = 240; s >= 15; s -= 15) nodeDisk.record(filling.uid, now - s * 1000, 1, [85 - (3 * s) / 60, Number.NaN, 1]);
    const state = tempDir('kmon-state-');
    const files = historyFiles(path.join(state, 'kmon'), { context: sim.contextName, server: sim.url });
    mkdirSync(files.dir, { recursive: true });
    const stores = new Map([
      ['nodeUsage', new HistoryStore({ seriesCount: 2, depth: 240 })],
      ['nodeDisk', nodeDisk],
    ]);
    writeFileSync(files.nodes, gzipSync(encodeHistories(sim.url, now, stores)));

    const check = async (xdgState: string) => {
      const ran = await kmon(['check', '--kubeconfig', sim.kubeconfigPath, '-o', 'json'], {
        ...PLAIN_ENV,
        XDG_CACHE_HOME: cacheHome(),
        XDG_STATE_HOME: xdgState,
      });
      const { alerts } = JSON.parse(ran.stdout) as { alerts: { kind: string; object: string; fullInSeconds: number | null }[] };
      return alerts.find((a) => a.kind === 'full' && a.object === `node/${filling.name}`);
    };
    const full = await check(state);
    expect(full?.fullInSeconds).toBeGreaterThan(60);
    expect(full?.fullInSeconds).toBeLessThan(10 * 60);
    expect(await check(tempDir('kmon-state-'))).toBeUndefined();
  });
});
