import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, manualClock } from './sim-http.js';

const PATHS = [
  '/api/v1/nodes',
  '/api/v1/pods',
  '/apis/metrics.k8s.io/v1beta1/nodes',
  '/apis/metrics.k8s.io/v1beta1/pods',
  '/api/v1/nodes/hello-kube-002/proxy/stats/summary',
  '/api/v1/nodes/hello-kube-003/proxy/metrics/resource',
];

async function bodies(sim: Sim): Promise<string[]> {
  return Promise.all(PATHS.map(async (path) => (await get(sim, path)).body));
}

describe('determinism', () => {
  const clock = manualClock();
  let a: Sim;
  let b: Sim;
  let other: Sim;
  beforeAll(async () => {
    [a, b, other] = await Promise.all([
      startSim({ seed: 7, now: clock.now }),
      startSim({ seed: 7, now: clock.now }),
      startSim({ seed: 8, now: clock.now }),
    ]);
  });
  afterAll(() => Promise.all([a.stop(), b.stop(), other.stop()]));

  it('gives identical payloads for the same seed and clock', async () => {
    expect(await bodies(a)).toEqual(await bodies(b));
  });

  it('stays identical however the clock got there (one step or many)', async () => {
    const before = Number(a.cluster.resourceVersion());
    for (let i = 0; i < 30; i++) {
      clock.advance(20_000);
      await get(a, '/api/v1/nodes');
    }
    expect(await bodies(a)).toEqual(await bodies(b));
    expect(a.cluster.resourceVersion()).toBe(b.cluster.resourceVersion());
    expect(Number(a.cluster.resourceVersion())).toBeGreaterThan(before);
  });

  it('gives a different cluster for another seed', async () => {
    const [nodesA, podsA] = await bodies(a);
    const [nodesOther, podsOther] = await bodies(other);
    expect(nodesOther).not.toBe(nodesA);
    expect(podsOther).not.toBe(podsA);
  });
});
