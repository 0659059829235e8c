import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src/sim/faults.js';
import { type RequestRecord, type Sim, startSim } from '../../../src/sim/start-sim.js';
import { healthy, type Live, problem, startLive, until } from './live-collector.js';

// 429 and 5xx: kmon backs off, and never asks again before the server's Retry-After has passed.

let sim: Sim;
let live: Live | null = null;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 19, metricResolutionMs: 2_000 });
});
afterEach(() => {
  live?.stop();
  live = null;
  sim.setFaults(NO_FAULTS);
});
afterAll(() => sim.stop());

/** Arrival times of the sim's requests matching `test`, from `since` on. */
function arrivals(since: number, test: (r: RequestRecord) => boolean): number[] {
  return sim.requests.filter((r) => r.at >= since && test(r)).map((r) => r.at);
}

const gaps = (times: readonly number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0));

async function healthyLive(lists = false): Promise<Live> {
  live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 200, lists });
  const l = live;
  await until(() => expect(healthy(l.latest())).toBe(true));
  return l;
}

describe('throttled and failing apiserver', () => {
  it('429 on the Metrics API with Retry-After: 1: the next request waits 1 s, not the 0.5 s backoff; the reason is shown; it recovers', async () => {
    const l = await healthyLive();
    const since = Date.now();
    sim.setFaults({ serverErrors: { kinds: ['metrics nodes', 'metrics pods'], status: 429, retryAfterSeconds: 1 } });
    await until(() => expect(problem(l.latest(), 'metrics')?.kind).toBe('throttled'));
    expect(problem(l.latest(), 'metrics')?.message).toContain('throttled (429): Too many requests');
    const isRefused = (r: RequestRecord) => r.path.startsWith('/apis/metrics.k8s.io/v1beta1/nodes') && r.status === 429;
    await until(() => expect(arrivals(since, isRefused).length).toBeGreaterThanOrEqual(2));
    const refused = arrivals(since, isRefused);
    // Polls come every 200 ms and the backoff would retry after 0.5 s, but each retry waited out the 1 s.
    for (const gap of gaps(refused)) expect(gap).toBeGreaterThanOrEqual(950);
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it('503 with Retry-After on both lists: polls wait for the Retry-After; nodes and pods kept meanwhile', async () => {
    const l = await healthyLive(true);
    const before = l.latest();
    const since = Date.now();
    sim.setFaults({ serverErrors: { kinds: ['nodes', 'pods'], status: 503, retryAfterSeconds: 1 } });
    await until(() => expect(problem(l.latest(), 'nodes')?.kind).toBe('unavailable'));
    await until(() => expect(arrivals(since, (r) => r.path.startsWith('/api/v1/nodes?') && r.status === 503).length).toBeGreaterThan(2), {
      timeout: 8_000,
    });
    const refused = arrivals(since, (r) => r.path.startsWith('/api/v1/nodes?') && r.status === 503);
    for (const gap of gaps(refused)) expect(gap).toBeGreaterThanOrEqual(950);
    expect(l.latest().nodes.map((n) => n.uid)).toEqual(before.nodes.map((n) => n.uid));
    expect(l.latest().pods.length).toBe(before.pods.length);
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it('500 on kubelet summaries without Retry-After: each node backs off, doubling, instead of being asked every poll', async () => {
    const l = await healthyLive();
    const node = sim.cluster.nodeNames[0] ?? '';
    const since = Date.now();
    sim.setFaults({ serverErrors: { kinds: ['kubelet summary'], status: 500, retryAfterSeconds: null } });
    await until(() => expect(problem(l.latest(), 'kubelet', node)?.message).toContain('HTTP 500: Internal error occurred'));
    const refused = (r: RequestRecord) => r.path === `/api/v1/nodes/${node}/proxy/stats/summary` && r.status === 500;
    await until(() => expect(arrivals(since, refused).length).toBeGreaterThanOrEqual(3));
    // Polls come every 200 ms, but each retry of that node waits from 0.5 s, doubling.
    for (const [i, gap] of gaps(arrivals(since, refused)).entries()) expect(gap).toBeGreaterThanOrEqual(500 * 2 ** i - 50);
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });
});
