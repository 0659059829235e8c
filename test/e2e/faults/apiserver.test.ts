import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { kmon } from '../../helpers/cli.js';
import { closedPort } from '../../helpers/closed-port.js';
import { healthy, problem, startLive, until } from './live-collector.js';
import { writeTestKubeconfig } from './test-kubeconfig.js';

// The apiserver itself goes away: at start, and in the middle of a session.

describe('apiserver unreachable at start', () => {
  let kubeconfig: string;
  let server: string;
  beforeAll(async () => {
    server = `https://127.0.0.1:${await closedPort()}`;
    kubeconfig = (await writeTestKubeconfig({ server, token: 'never-sent' })).path;
  });

  it.each([[['top', 'nodes']], [['top', 'pods', '-A']], [['top', 'pods', '-o', 'json']], [['top', 'nodes', '-o', 'wide']]])(
    'kmon %j: one line naming the server, exit 1',
    async (args) => {
      const ran = await kmon([...args, '--kubeconfig', kubeconfig]);
      expect(ran.code).toBe(1);
      expect(ran.stdout).toBe('');
      expect(ran.stderr).toBe(`kmon: cannot reach ${server}: connection refused\n`);
    },
  );

  it('kmon check: UNKNOWN naming the server, exit 3; kmon status: the reason on the line', async () => {
    const check = await kmon(['check', '--kubeconfig', kubeconfig]);
    expect(check.code).toBe(3);
    expect(check.stdout).toBe(`UNKNOWN: nodes: cannot reach ${server}: connection refused\n`);
    const status = await kmon(['status', '--format', 'plain', '--kubeconfig', kubeconfig], { XDG_CACHE_HOME: '/nonexistent/cache' });
    expect(status.stdout).toContain(`cannot reach ${server}: connection refused`);
  });

  it('the live collector says why, backs off while it waits, and comes up when the apiserver appears', { timeout: 60_000 }, async () => {
    const port = await closedPort();
    const sim0 = `https://127.0.0.1:${port}`;
    const config = await writeTestKubeconfig({ server: sim0, tokenFile: true });
    const live = startLive({ kubeconfig: config.path, intervalMs: 200 });
    let sim: Sim | null = null;
    try {
      await until(() => expect(problem(live.latest(), 'nodes')?.message).toBe(`nodes: cannot reach ${sim0}: connection refused`));
      // Backing off as client-go's reflector does: polls every 200 ms, but the node list is asked
      // again after about a second, then two, then four (each within a fifth either way).
      const attempts = () => live.requests.filter((r) => r.path.startsWith('/api/v1/nodes?limit')).map((r) => r.at);
      await until(() => expect(attempts().length).toBeGreaterThanOrEqual(3));
      const times = attempts();
      times.slice(1).forEach((t, i) => {
        expect(t - (times[i] ?? 0)).toBeGreaterThanOrEqual(0.8 * 1000 * 2 ** i - 30);
      });
      expect(live.latest().nodes).toEqual([]);
      sim = await startSim({ nodes: 3, podsPerNode: 3, port });
      await config.setToken(sim.token);
      await until(() => expect(healthy(live.latest())).toBe(true), { timeout: 40_000 });
      expect(live.latest().nodes.map((n) => n.name)).toEqual(sim.cluster.nodeNames);
    } finally {
      live.stop();
      await sim?.stop();
    }
  });
});

describe('apiserver gone mid-session', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 5 });
  });
  afterAll(() => sim.stop());

  it('keeps the last nodes, pods and figures with their age, says why, and reconnects when it is back', async () => {
    const live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250 });
    try {
      await until(() => expect(healthy(live.latest())).toBe(true));
      const before = live.latest();
      const uids = before.nodes.map((n) => n.uid);
      const history = before.history.nodeUsage.size;
      sim.setFaults({ apiserverDown: true });
      await until(() => expect(problem(live.latest(), 'nodes')?.kind).toBe('unreachable'));
      const down = live.latest();
      // Nothing is thrown away: the same nodes, pods, usage and disk, with the times they were read.
      expect(down.nodes.map((n) => n.uid)).toEqual(uids);
      expect(down.pods.length).toBe(before.pods.length);
      expect(down.nodeUsage.size).toBe(before.nodeUsage.size);
      expect(down.summaries.size).toBe(before.summaries.size);
      expect(down.history.nodeUsage.size).toBe(history);
      expect(down.inventoryAt).toBeLessThanOrEqual(before.takenAt);
      expect(down.metricsAt).toBeLessThanOrEqual(before.takenAt);
      expect(problem(down, 'nodes')?.message).toMatch(new RegExp(`^nodes: (cannot reach|connection to) ${sim.url.replace(/\./g, '\\.')}`));

      sim.setFaults({ apiserverDown: false });
      await until(() => expect(healthy(live.latest())).toBe(true));
      const after = live.latest();
      expect(after.nodes.map((n) => n.uid)).toEqual(uids);
      expect(after.inventoryAt).toBeGreaterThan(down.takenAt);
      expect(after.metricsAt).toBeGreaterThan(down.takenAt);
      // The watches resumed from where they were: no second list of nodes.
      expect(live.requests.filter((r) => r.path.startsWith('/api/v1/nodes?limit') && r.status === 200)).toHaveLength(1);
    } finally {
      live.stop();
    }
  });
});
