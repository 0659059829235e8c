import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/sim/faults.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, getJson, openWatch, probe } from './sim-http.js';

// Apiservers, proxies and old aggregated servers that misbehave, each switch on the wire as any
// client would see it. A watch that works never ends, so watches are probed: a probe gives up
// once the connection has been quiet for a while and says so.

let sim: Sim;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 4, seed: 7 });
});
afterEach(() => sim.setFaults(NO_FAULTS));
afterAll(() => sim.stop());

interface List {
  readonly kind: string;
  readonly metadata: { resourceVersion?: string; continue?: string };
  readonly items: { metadata: { name: string } }[];
}

const QUIET_MS = 1500;

describe('watches that are not watches', () => {
  it('watchAsList: a watch gets the whole plain list, as without its query string, and the connection closes', async () => {
    const all = await getJson<List>(sim, '/api/v1/pods');
    sim.setFaults({ watchAsList: ['watch pods'] });
    const reply = await probe(sim, '/api/v1/pods?watch=1&allowWatchBookmarks=true&labelSelector=app%3Dnone', QUIET_MS);
    expect(reply).toMatchObject({ status: 200, outcome: 'ended', headers: { connection: 'close', 'content-type': 'application/json' } });
    const list = JSON.parse(reply.body) as List;
    expect(list.kind).toBe('PodList');
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(list.items.map((p) => p.metadata.name)).toEqual(all.items.map((p) => p.metadata.name));
    // Node watches were not chosen: they stream events and stay open.
    const nodes = await probe(sim, '/api/v1/nodes?watch=1', QUIET_MS);
    expect(nodes.outcome).toBe('idle');
    expect(JSON.parse(nodes.body.split('\n')[0] ?? '').type).toBe('ADDED');
  });

  it('emptyWatches: 200 application/json, then the end, without a single event', async () => {
    sim.setFaults({ emptyWatches: ['watch nodes'] });
    const reply = await probe(sim, '/api/v1/nodes?watch=1&resourceVersion=0', QUIET_MS);
    expect(reply).toMatchObject({ status: 200, outcome: 'ended', body: '', headers: { 'content-type': 'application/json' } });
  });

  it('loginPage: a 200 text/html sign-in page in place of the watch (and only for the chosen kinds)', async () => {
    sim.setFaults({ loginPage: ['watch pods', 'metrics pods'] });
    const reply = await probe(sim, '/api/v1/pods?watch=1', QUIET_MS);
    expect(reply).toMatchObject({ status: 200, outcome: 'ended', headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(reply.body).toMatch(/^<!DOCTYPE html>/);
    expect(() => JSON.parse(reply.body)).toThrow(SyntaxError);
    expect((await get(sim, '/apis/metrics.k8s.io/v1beta1/pods')).body).toContain('<form');
    expect(JSON.parse((await get(sim, '/api/v1/pods')).body).kind).toBe('PodList');
  });
});

describe('connections', () => {
  const outcome = (path: string) =>
    get(sim, path).then(
      (r) => `${r.status}`,
      (e: NodeJS.ErrnoException) => e.code ?? e.message,
    );

  it('resetEveryNth: exactly every nth request of the chosen kinds is reset; others are not counted', async () => {
    sim.setFaults({ resetEveryNth: { n: 3, kinds: ['nodes'] } });
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      seen.push(await outcome('/api/v1/nodes'));
      expect(await outcome('/api/v1/pods')).toBe('200');
    }
    expect(seen).toEqual(['200', '200', 'ECONNRESET', '200', '200', 'ECONNRESET', '200']);
  });

  it('a count or rate that makes no sense is refused as it is set', () => {
    expect(() => sim.setFaults({ resetEveryNth: { n: 0, kinds: 'all' } })).toThrow(RangeError);
    expect(() => sim.setFaults({ bandwidth: { kinds: ['pods'], bytesPerSecond: 0 } })).toThrow(RangeError);
  });

  it("resetEveryNth with kinds 'all': the count covers every request and starts again when the switch is set", async () => {
    sim.setFaults({ resetEveryNth: { n: 2, kinds: 'all' } });
    expect(await outcome('/api/v1/pods')).toBe('200');
    sim.setFaults({ resetEveryNth: { n: 2, kinds: 'all' } });
    const seen = [await outcome('/api/v1/nodes'), await outcome('/version'), await outcome('/apis/metrics.k8s.io/v1beta1/nodes')];
    expect(seen).toEqual(['200', 'ECONNRESET', '200']);
  });

  it("apiserverDown 'closed': connections are refused, then the same port, CA and token serve again", async () => {
    const { url, token } = sim;
    const watch = openWatch(sim, '/api/v1/nodes?watch=1');
    await watch.until((e) => e.type === 'ADDED');
    await sim.setFaults({ apiserverDown: 'closed' });
    await watch.ended;
    await expect(get(sim, '/api/v1/nodes')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await sim.setFaults({ apiserverDown: false });
    expect(sim.url).toBe(url);
    expect((await get(sim, '/api/v1/nodes', { token })).status).toBe(200);
  });

  it("apiserverDown 'closed' from the start, then up on the port the kubeconfig names", async () => {
    const down = await startSim({ nodes: 1, podsPerNode: 1, faults: { apiserverDown: 'closed' } });
    try {
      await expect(get(down, '/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await down.setFaults({ apiserverDown: false });
      expect(readFileSync(down.kubeconfigPath, 'utf8')).toContain(`server: ${down.url}`);
      expect((await get(down, '/version')).status).toBe(200);
    } finally {
      await down.stop();
    }
  });

  it('unauthorized: every request gets the real 401 Status while the token and kubeconfig stay as they were', async () => {
    const kubeconfig = readFileSync(sim.kubeconfigPath, 'utf8');
    const { token } = sim;
    sim.setFaults({ unauthorized: true });
    for (const path of ['/api/v1/pods', '/version', '/api/v1/nodes/hello-kube-001/proxy/stats/summary']) {
      const reply = await get(sim, path);
      expect(reply.status).toBe(401);
      expect(reply.body).toBe(
        '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}\n',
      );
    }
    expect(sim.token).toBe(token);
    expect(readFileSync(sim.kubeconfigPath, 'utf8')).toBe(kubeconfig);
    sim.setFaults({ unauthorized: false });
    expect((await get(sim, '/api/v1/pods')).status).toBe(200);
  });
});

describe('lists', () => {
  it('ignoreLimit: every item in one answer, with no continue token', async () => {
    const paged = await getJson<List>(sim, '/api/v1/pods?limit=5');
    expect(paged.items).toHaveLength(5);
    expect(paged.metadata.continue).toBeTruthy();
    sim.setFaults({ ignoreLimit: ['pods'] });
    const whole = await getJson<List>(sim, '/api/v1/pods?limit=5');
    expect(whole.items.length).toBeGreaterThan(5);
    expect(whole.items).toHaveLength(sim.cluster.pods().length);
    expect(whole.metadata.continue).toBeUndefined();
  });
});

describe('time', () => {
  it('bandwidth: the answer arrives at the rate set, in slices that never leave the line quiet', async () => {
    const size = (await get(sim, '/api/v1/nodes')).wire.length;
    const bytesPerSecond = Math.ceil(size / 2);
    sim.setFaults({ bandwidth: { kinds: ['nodes'], bytesPerSecond } });
    const reply = await probe(sim, '/api/v1/nodes', 2000);
    expect(reply.outcome).toBe('ended');
    expect(JSON.parse(reply.body).kind).toBe('NodeList');
    const last = reply.arrivals.at(-1) ?? 0;
    // Two seconds' worth: the first slice leaves at once, the rest one every 100 ms.
    expect(last).toBeGreaterThanOrEqual(1800);
    const gaps = reply.arrivals.slice(1).map((t, i) => t - (reply.arrivals[i] ?? 0));
    // Slices leave every 100 ms; a second allows for a busy machine and is still far from a client's timeout.
    expect(Math.max(...gaps)).toBeLessThan(1000);
  });

  it('hang: the request is read and logged, and no head ever comes; other kinds answer', async () => {
    sim.setFaults({ hang: ['nodes'] });
    const reply = await probe(sim, '/api/v1/nodes', QUIET_MS);
    expect(reply).toMatchObject({ status: null, outcome: 'idle' });
    expect(sim.requests.at(-1)?.kind).toBe('GET nodes');
    expect((await get(sim, '/api/v1/pods')).status).toBe(200);
  });

  it('hang: stopping the sim ends the requests it holds', async () => {
    const held = await startSim({ nodes: 1, podsPerNode: 1, faults: { hang: ['discovery'] } });
    const reply = probe(held, '/version', 60_000);
    await until(() => held.requests.length === 1);
    await held.stop();
    expect((await reply).status).toBeNull();
    expect((await reply).outcome).not.toBe('idle');
  });

  it('stallMidBody: the head promises the whole body, half of it comes, then silence on an open connection', async () => {
    sim.setFaults({ stallMidBody: ['pods', 'watch nodes'] });
    const reply = await probe(sim, '/api/v1/pods', QUIET_MS);
    expect(reply).toMatchObject({ status: 200, outcome: 'idle' });
    const promised = Number(reply.headers['content-length']);
    expect(Buffer.byteLength(reply.body)).toBeGreaterThan(0);
    expect(Buffer.byteLength(reply.body)).toBeLessThan(promised);
    const watch = await probe(sim, '/api/v1/nodes?watch=1', QUIET_MS);
    expect(watch).toMatchObject({ status: 200, outcome: 'idle' });
    expect(watch.body.length).toBeGreaterThan(0);
    // Cut inside an event: the last line never ends.
    expect(watch.body.endsWith('\n')).toBe(false);
  });
});

/** Waits until the condition holds, checking every few milliseconds. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
