import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { getJson, manualClock, openWatch } from './sim-http.js';

const START = Date.parse('2026-06-26T10:14:07.250Z');

interface List {
  metadata: { resourceVersion: string };
  items: { metadata: { name: string } }[];
}

describe('watch', () => {
  const clock = manualClock(START);
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: clock.now });
  });
  afterAll(() => sim.stop());

  it('streams pod changes after the listed resourceVersion as the simulated state moves', async () => {
    const list = await getJson<List>(sim, '/api/v1/pods');
    const rv = Number(list.metadata.resourceVersion);
    const watch = openWatch(sim, `/api/v1/pods?watch=1&resourceVersion=${rv}`);
    try {
      // The CronJob's next run starts at 10:15:00: the old pod goes, a new one comes.
      clock.set(Date.parse('2026-06-26T10:15:01Z'));
      const deleted = await watch.until((e) => e.type === 'DELETED');
      const added = await watch.until((e) => e.type === 'ADDED');
      expect(deleted.object.metadata.name).toMatch(/^ttl-cleanup-29707810-/);
      expect(added.object.metadata.name).toMatch(/^ttl-cleanup-29707815-/);
      expect(added.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', status: { phase: 'Pending' } });
      clock.set(Date.parse('2026-06-26T10:15:03Z'));
      const running = await watch.until((e) => e.type === 'MODIFIED' && e.object.metadata.name === added.object.metadata.name);
      expect(running.object).toMatchObject({ status: { phase: 'Running' } });
      const versions = watch.events.map((e) => Number(e.object.metadata.resourceVersion));
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(versions[0]).toBe(rv + 1);
    } finally {
      watch.close();
    }
  });

  it('sends ADDED for everything that exists when no resourceVersion is given', async () => {
    const watch = openWatch(sim, '/api/v1/nodes?watch=true');
    try {
      await watch.until(() => watch.events.length === 6);
      expect(watch.events.map((e) => [e.type, e.object.metadata.name])).toEqual(sim.cluster.nodeNames.map((n) => ['ADDED', n]));
    } finally {
      watch.close();
    }
  });

  it('watches namespaces too: they are added once and never change', async () => {
    const watch = openWatch(sim, '/api/v1/namespaces?watch=1&labelSelector=kubernetes.io%2Fmetadata.name%3Dweb');
    try {
      const added = await watch.until((e) => e.type === 'ADDED');
      expect(added.object).toMatchObject({ kind: 'Namespace', metadata: { name: 'web' } });
    } finally {
      watch.close();
    }
    expect(watch.events).toHaveLength(1);
  });

  it('reports the flapping node going NotReady and coming back', async () => {
    clock.set(START);
    const { flappingNode } = sim.cluster.roles;
    const rv = (await getJson<List>(sim, '/api/v1/nodes')).metadata.resourceVersion;
    const watch = openWatch(sim, `/api/v1/nodes?watch=1&resourceVersion=${rv}&fieldSelector=metadata.name%3D${flappingNode}`);
    try {
      const ready = (e: { object: Record<string, unknown> }) =>
        (e.object as { status: { conditions: { type: string; status: string }[] } }).status.conditions.find((c) => c.type === 'Ready')
          ?.status;
      clock.set(START + 2 * 60_000 + 10_000);
      const down = await watch.until((e) => e.type === 'MODIFIED');
      expect(ready(down)).toBe('Unknown');
      expect(sim.cluster.nodeReady(flappingNode)).toBe(false);
      clock.set(START + 4 * 60_000 + 10_000);
      const up = await watch.until((e) => e.type === 'MODIFIED' && ready(e) === 'True');
      expect(up.object.metadata.name).toBe(flappingNode);
      expect(sim.cluster.nodeReady(flappingNode)).toBe(true);
    } finally {
      watch.close();
    }
  });

  it('sends a bookmark before a short timeout, then ends the stream', async () => {
    const rv = sim.cluster.resourceVersion();
    const watch = openWatch(sim, `/api/v1/pods?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=3`);
    const bookmark = await watch.until((e) => e.type === 'BOOKMARK', 3000);
    expect(bookmark.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: rv } });
    await watch.ended;
  });

  it('answers a resourceVersion older than the watch window with an ERROR 410 Expired event', async () => {
    const watch = openWatch(sim, '/api/v1/pods?watch=1&resourceVersion=5');
    const error = await watch.until((e) => e.type === 'ERROR');
    expect(error.object).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(String((error.object as { message?: string }).message)).toMatch(/^too old resource version: 5 \(\d+\)$/);
    await watch.ended;
  });

  it('closes open watches promptly on stop()', async () => {
    const own = await startSim({ nodes: 1, podsPerNode: 2 });
    const watch = openWatch(own, `/api/v1/pods?watch=1&resourceVersion=${own.cluster.resourceVersion()}`);
    await expect.poll(() => own.requests[0]?.status).toBe(200);
    const started = performance.now();
    await own.stop();
    await watch.ended;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
