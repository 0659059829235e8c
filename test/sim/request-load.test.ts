import { describe, expect, it } from 'vitest';
import { startSim } from '../../src/sim/start-sim.js';
import { get, manualClock } from './sim-http.js';

// How a test measures the load a client puts on the apiserver: by real arrival time.

/** Waits until the condition holds, checking every few milliseconds. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('load measurement', () => {
  it('requestsSince and requestRates count arrivals in real time, whatever the simulated clock says', async () => {
    const frozen = await startSim({ nodes: 1, podsPerNode: 1, now: manualClock(Date.parse('2020-01-01T00:00:00Z')).now });
    try {
      await get(frozen, '/version');
      const before = frozen.requests.at(-1)?.arrivedAt ?? 0;
      await until(() => Date.now() > before);
      const since = Date.now();
      await get(frozen, '/api/v1/nodes');
      await get(frozen, '/api/v1/nodes');
      await get(frozen, '/api/v1/pods?watch=0');
      expect(frozen.requestsSince(since).map((r) => r.kind)).toEqual(['GET nodes', 'GET nodes', 'GET pods']);
      const end = Date.now() + 1;
      const seconds = (end - since) / 1000;
      expect(frozen.requestRates(since, end)).toEqual({ 'GET nodes': 2 / seconds, 'GET pods': 1 / seconds });
      expect(frozen.requestRates(end)).toEqual({});
    } finally {
      await frozen.stop();
    }
  });
});
