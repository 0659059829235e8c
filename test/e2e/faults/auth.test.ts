import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src/sim/faults.js';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { kmon } from '../../helpers/cli.js';
import { healthy, type Live, problem, startLive, until } from './live-collector.js';
import { type TestKubeconfig, writeTestKubeconfig } from './test-kubeconfig.js';

// Credentials that expire (401) and permissions that are missing (403).

let sim: Sim;
let live: Live | null = null;

beforeAll(async () => {
  // metrics-server scrapes every 2 s, so kmon asks the Metrics API (and meets its faults) within seconds.
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 17, metricResolutionMs: 2_000 });
});
afterEach(() => {
  live?.stop();
  live = null;
  sim.setFaults(NO_FAULTS);
});
afterAll(() => sim.stop());

describe('401: an expired token, through an exec credential plugin', () => {
  let config: TestKubeconfig;
  beforeAll(async () => {
    config = await writeTestKubeconfig({ server: sim.url, caPem: sim.caPem, exec: true });
  });

  it('reloads the credential once through the plugin and carries on, with no error shown', async () => {
    await config.setToken(sim.token);
    live = startLive({ kubeconfig: config.path, intervalMs: 250 });
    const l = live;
    await until(() => expect(healthy(l.latest())).toBe(true));
    expect(config.pluginRuns()).toBe(1);
    // The token expires, and the plugin already hands out the new one: a reload in between would
    // get the old token again and reload once more, which is not what this test is about.
    const next = randomBytes(24).toString('hex');
    await config.setToken(next);
    await sim.rotateToken(next);
    const rotatedAt = Date.now();
    await until(() => expect(l.latest().metricsAt).toBeGreaterThan(rotatedAt + 300));
    expect(healthy(l.latest())).toBe(true);
    // Every request rejected in that poll shared one reload.
    expect(config.pluginRuns()).toBe(2);
    expect(l.requests.filter((r) => r.status === 401).length).toBeGreaterThan(0);
  });

  it('when the reloaded credential is rejected too: says so, keeps the last data, and recovers once the plugin has a good one', async () => {
    await config.setToken(sim.token);
    live = startLive({ kubeconfig: config.path, intervalMs: 250 });
    const l = live;
    await until(() => expect(healthy(l.latest())).toBe(true));
    const before = l.latest();
    const runs = config.pluginRuns();
    const rotated = Date.now();
    const fresh = await sim.rotateToken();
    await until(() => expect(problem(l.latest(), 'metrics')?.kind).toBe('unauthorized'));
    expect(problem(l.latest(), 'metrics')?.message).toContain('unauthorized: the credentials were rejected');
    expect(l.latest().nodes.map((n) => n.uid)).toEqual(before.nodes.map((n) => n.uid));
    // Reloaded, but not in a loop: at most once a second, however many requests fail with it.
    expect(config.pluginRuns() - runs).toBeLessThanOrEqual(1 + Math.ceil((Date.now() - rotated) / 1000));
    await config.setToken(fresh);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it('kmon top nodes with a token the cluster rejects: one line, exit 1, no token in it', async () => {
    await config.setToken('expired-token-0123456789');
    const ran = await kmon(['top', 'nodes', '--kubeconfig', config.path]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe('kmon: unauthorized: the credentials were rejected\n');
    expect(ran.stdout + ran.stderr).not.toContain('expired-token');
  });
});

describe('403: a permission is missing', () => {
  it('on the Metrics API: CPU/memory come from the kubelets, and the frame names the permission', async () => {
    sim.setFaults({ metricsApi: 'forbidden' });
    live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250 });
    const l = live;
    await until(() => expect(l.latest().metricsSource).toBe('kubelet'));
    await until(() => expect(l.latest().nodeUsage.size).toBe(3));
    expect(problem(l.latest(), 'metrics')).toMatchObject({
      kind: 'forbidden',
      message: expect.stringMatching(/^Metrics API forbidden: needs list (nodes|pods)\.metrics\.k8s\.io: using kubelet summaries$/),
    });
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it('on nodes/proxy: disk is unknown everywhere and says which permission is missing; CPU/memory unaffected', async () => {
    sim.setFaults({ nodeProxy: 'forbidden' });
    const ran = await kmon(['top', 'nodes', '-o', 'json', '--kubeconfig', sim.kubeconfigPath]);
    expect(ran.code, ran.stderr).toBe(0);
    const out = JSON.parse(ran.stdout) as {
      metricsSource: string;
      items: { disk: unknown; diskUnknownReason: string; cpu: { usageMillicores: number | null } }[];
    };
    expect(out.metricsSource).toBe('metrics-api');
    for (const item of out.items) {
      expect(item.disk).toBeNull();
      expect(item.diskUnknownReason).toBe('nodes/proxy forbidden: disk unknown (needs get nodes/proxy)');
      expect(item.cpu.usageMillicores).toBeGreaterThan(0);
    }
    const table = await kmon(['top', 'nodes', '--kubeconfig', sim.kubeconfigPath]);
    expect(table.stderr).toContain('needs get nodes/proxy');
  });
});

describe('404 and 503 on the Metrics API: kubelet summaries stand in', () => {
  it.each([
    ['absent', 'metrics-server not installed: using kubelet summaries'],
    ['unavailable', 'metrics-server unavailable: using kubelet summaries'],
  ] as const)('%s', async (state, message) => {
    live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250 });
    const l = live;
    await until(() => expect(healthy(l.latest())).toBe(true));
    sim.setFaults({ metricsApi: state });
    await until(() => expect(l.latest().metricsSource).toBe('kubelet'));
    expect(problem(l.latest(), 'metrics')?.message).toBe(message);
    // Pod figures follow as the kubelets are read again.
    await until(() => {
      expect(l.latest().nodeUsage.size).toBe(3);
      expect(l.latest().podUsage.size).toBeGreaterThan(0);
    });
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });
});
