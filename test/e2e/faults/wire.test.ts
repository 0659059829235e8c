import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src/sim/faults.js';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { kmon } from '../../helpers/cli.js';
import { healthy, type Live, problem, startLive, until } from './live-collector.js';

// Connections reset before an answer, bodies cut halfway, bodies that arrive whole but are not JSON.

let sim: Sim;
let live: Live | null = null;

beforeAll(async () => {
  // metrics-server scrapes every 2 s, so kmon asks the Metrics API (and meets its faults) within seconds.
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 11, metricResolutionMs: 2_000 });
});
afterEach(() => {
  live?.stop();
  live = null;
  sim.setFaults(NO_FAULTS);
});
afterAll(() => sim.stop());

async function healthyLive(lists = false): Promise<Live> {
  live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250, lists });
  const started = live;
  await until(() => expect(healthy(started.latest())).toBe(true));
  return started;
}

describe('connections reset and bodies cut mid-way', () => {
  it.each([
    ['resetRequests', 'reset before any answer'],
    ['truncateResponses', 'dropped mid-response'],
  ] as const)(
    '%s on the Metrics API: the kubelets, which still answer, stand in, labelled; then the Metrics API again',
    async (fault, words) => {
      const l = await healthyLive();
      const before = l.latest();
      sim.setFaults({ [fault]: ['metrics nodes', 'metrics pods'] });
      await until(() => expect(problem(l.latest(), 'metrics')?.message).toContain(words));
      expect(problem(l.latest(), 'metrics')?.message).toContain(sim.url);
      // Summaries read after the failure are newer than the last Metrics API figures: they are shown.
      await until(() => expect(l.latest()).toMatchObject({ metricsSource: 'kubelet', podMetricsSource: 'kubelet' }));
      const during = l.latest();
      expect(problem(during, 'metrics')?.message).toMatch(/: using kubelet summaries$/);
      expect(during.nodeUsage.size).toBe(before.nodeUsage.size);
      expect(during.metricsAt).toBeGreaterThan(before.metricsAt ?? 0);
      sim.setFaults(NO_FAULTS);
      await until(() => expect(healthy(l.latest())).toBe(true));
      expect(l.latest().metricsAt).toBeGreaterThan(during.takenAt);
    },
  );

  it('truncated pod lists: the last pods stay, marked by the list time, until a whole list arrives', async () => {
    const l = await healthyLive(true);
    const before = l.latest();
    sim.setFaults({ truncateResponses: ['pods'] });
    await until(() => expect(problem(l.latest(), 'pods')?.message).toBe(`pods: connection to ${sim.url} dropped mid-response`));
    const during = l.latest();
    expect(during.pods.map((p) => p.uid)).toEqual(before.pods.map((p) => p.uid));
    expect(during.inventoryAt).toBeLessThan(during.takenAt - 200);
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it('truncated kubelet summaries: every node keeps its last disk figures, each says why', async () => {
    const l = await healthyLive();
    sim.setFaults({ truncateResponses: ['kubelet summary'] });
    await until(() => expect(sim.cluster.nodeNames.every((n) => problem(l.latest(), 'kubelet', n))).toBe(true));
    // Each node's last read failed; the figures shown are from the read before it. They stay
    // while every node is read, and fails, again.
    const during = l.latest();
    const since = Date.now();
    const retried = () => sim.requests.filter((r) => r.at > since && r.path.endsWith('/proxy/stats/summary')).length;
    await until(() => expect(retried()).toBeGreaterThanOrEqual(sim.cluster.nodeNames.length), { timeout: 10_000 });
    const later = l.latest();
    for (const name of sim.cluster.nodeNames) {
      expect(problem(later, 'kubelet', name)?.message).toBe(`kubelet on ${name}: connection to ${sim.url} dropped mid-response`);
      expect(during.summaries.get(name)?.summary.fs?.capacityBytes).toBeGreaterThan(0);
      expect(later.summaries.get(name)?.summary.fs).toEqual(during.summaries.get(name)?.summary.fs);
    }
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });
});

describe('bodies that arrive whole but are not JSON', () => {
  it('a garbled pod list: the live inventory reports it as malformed and lists again once it is whole', async () => {
    sim.setFaults({ garbleResponses: ['pods'] });
    live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250 });
    const l = live;
    await until(() => expect(problem(l.latest(), 'pods')?.kind).toBe('malformed'));
    expect(problem(l.latest(), 'pods')?.message).toMatch(/^pods: \/api\/v1\/pods: invalid JSON list/);
    expect(l.latest().nodes.length).toBe(3);
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
    expect(l.latest().pods.length).toBe(sim.cluster.pods().length);
  });

  it('kmon top pods -o wide over a garbled pod list: a warning and the figures it could read, not a crash', async () => {
    sim.setFaults({ garbleResponses: ['pods'] });
    const ran = await kmon(['top', 'pods', '-A', '-o', 'wide', '--kubeconfig', sim.kubeconfigPath]);
    expect(ran.stderr).not.toContain('internal error');
    expect(ran.stderr).toMatch(/^kmon: warning: pods: \/api\/v1\/pods: invalid JSON list/m);
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+CPU/);
  });

  it('kmon top nodes -o json over a garbled Metrics API: the error in "errors", figures from the kubelets', async () => {
    sim.setFaults({ garbleResponses: ['metrics nodes', 'metrics pods'] });
    const ran = await kmon(['top', 'nodes', '-o', 'json', '--kubeconfig', sim.kubeconfigPath]);
    expect(ran.code, ran.stderr).toBe(0);
    const out = JSON.parse(ran.stdout) as { metricsSource: string; errors: { source: string; kind: string }[]; items: unknown[] };
    expect(out.metricsSource).toBe('kubelet');
    expect(out.errors).toContainEqual(expect.objectContaining({ source: 'metrics', kind: 'malformed' }));
    expect(out.items).toHaveLength(3);
  });
});
