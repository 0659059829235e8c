import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/sim/faults.js';
import { HOSTILE } from '../../src/sim/hostile-text.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, getJson, openWatch } from './sim-http.js';

// Each fault switch on the wire, as any client would see it.

let sim: Sim;
let node: string;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 41 });
  node = sim.cluster.nodeNames[1] ?? '';
});
afterEach(() => sim.setFaults(NO_FAULTS));
afterAll(() => sim.stop());

type Json = Record<string, unknown>;
const items = (list: Json) => list.items as Json[];
const metadata = (o: Json) => o.metadata as { name: string; uid: string; labels?: Record<string, string> };

describe('connection faults', () => {
  it('apiserverDown: every connection is reset until it is switched off', async () => {
    sim.setFaults({ apiserverDown: true });
    await expect(get(sim, '/api/v1/nodes')).rejects.toMatchObject({ code: 'ECONNRESET' });
    sim.setFaults({ apiserverDown: false });
    expect((await get(sim, '/api/v1/nodes')).status).toBe(200);
  });

  it('resetRequests: only requests of those kinds are reset', async () => {
    sim.setFaults({ resetRequests: ['nodes'] });
    await expect(get(sim, '/api/v1/nodes')).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await get(sim, '/api/v1/pods')).status).toBe(200);
  });

  it('truncateResponses: the head and part of the body arrive, then the connection is cut', async () => {
    sim.setFaults({ truncateResponses: ['pods'] });
    await expect(get(sim, '/api/v1/pods')).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
    expect(sim.requests.at(-1)?.status).toBe(200);
  });

  it('garbleResponses: the whole body arrives with a NUL in the middle', async () => {
    sim.setFaults({ garbleResponses: ['metrics nodes'] });
    const reply = await get(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('\u0000');
    expect(() => JSON.parse(reply.body)).toThrow(SyntaxError);
  });

  it('serverErrors: the status, a Status body and Retry-After', async () => {
    sim.setFaults({ serverErrors: { kinds: ['metrics pods'], status: 429, retryAfterSeconds: 3 } });
    const reply = await get(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('3');
    expect(JSON.parse(reply.body)).toMatchObject({ reason: 'TooManyRequests', code: 429, details: { retryAfterSeconds: 3 } });
    expect((await get(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(200);
  });

  it('rotateToken: the old token is refused, the new one accepted and written to the sim’s kubeconfig', async () => {
    const old = sim.token;
    const fresh = await sim.rotateToken();
    expect((await get(sim, '/api/v1/nodes', { token: old })).status).toBe(401);
    expect((await get(sim, '/api/v1/nodes', { token: fresh })).status).toBe(200);
    expect(readFileSync(sim.kubeconfigPath, 'utf8')).toContain(fresh);
  });
});

describe('Metrics API faults', () => {
  it('metricsApi forbidden: the RBAC 403 naming the resource and group', async () => {
    sim.setFaults({ metricsApi: 'forbidden' });
    const reply = await get(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).message).toBe(
      'pods.metrics.k8s.io is forbidden: User "kmon-sim-user" cannot list resource "pods" in API group "metrics.k8s.io" at the cluster scope',
    );
  });

  it.each([
    ['future', (t: number) => t > Date.now() + 23 * 3_600_000],
    ['past', (t: number) => t < Date.now() - 23 * 3_600_000],
    ['unparsable', (t: number) => Number.isNaN(t)],
  ] as const)('metricsTimestamps %s', async (skew, fits) => {
    sim.setFaults({ metricsTimestamps: skew });
    for (const item of items(await getJson(sim, '/apis/metrics.k8s.io/v1beta1/pods')))
      expect(fits(Date.parse(String(item.timestamp)))).toBe(true);
  });
});

/** A node's kubelet summary through the apiserver's proxy. */
const of = (name: string) => `/api/v1/nodes/${name}/proxy/stats/summary`;

describe('kubelet faults', () => {
  it('sparseSummary: valid JSON with stat blocks null, missing or nonsense', async () => {
    sim.setFaults({ sparseSummary: node });
    const body = await getJson<{ node: Json; pods: (Json | null)[] }>(sim, of(node));
    expect(body.node.fs).toBeNull();
    expect(body.node.runtime).toBeUndefined();
    expect(body.pods).toContain(null);
  });

  it('hugeSummary: valid JSON followed by 24 MiB of whitespace', async () => {
    sim.setFaults({ hugeSummary: node });
    const reply = await get(sim, of(node));
    expect(reply.body.length).toBeGreaterThan(24 * 1024 * 1024);
    expect(JSON.parse(reply.body).node.nodeName).toBe(node);
  });

  it('hostileText: escape sequences in that node’s condition, its pods’ labels and waiting reasons, and its kubelet’s error', async () => {
    sim.setFaults({ hostileText: node });
    const nodes = items(await getJson(sim, '/api/v1/nodes'));
    const status = nodes.find((n) => metadata(n).name === node)?.status as { conditions: Json[] } | undefined;
    const conditions = status?.conditions ?? [];
    expect(conditions.find((c) => c.type === 'MemoryPressure')).toMatchObject({ status: 'True', message: HOSTILE.conditionMessage });
    const pods = items(await getJson(sim, '/api/v1/pods')).filter((p) => (p.spec as Json).nodeName === node);
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) expect(metadata(pod).labels?.[HOSTILE.labelKey]).toBe(HOSTILE.labelValue);
    const kubelet = await get(sim, of(node));
    expect(kubelet.status).toBe(502);
    expect(kubelet.body).toContain(HOSTILE.errorBody);
  });
});

describe('removed nodes and namespaces', () => {
  it('are gone from every list and endpoint, watches see them deleted, and they come back with new UIDs', async () => {
    const before = items(await getJson(sim, '/api/v1/nodes')).find((n) => metadata(n).name === node);
    const rv = String((await getJson<{ metadata: { resourceVersion: string } }>(sim, '/api/v1/nodes')).metadata.resourceVersion);
    const watch = openWatch(sim, `/api/v1/nodes?watch=1&resourceVersion=${rv}`);
    try {
      sim.setFaults({ removed: { nodes: [node], namespaces: ['kube-system'] } });
      const deleted = await watch.until((e) => e.type === 'DELETED');
      expect(deleted.object.metadata.name).toBe(node);
      expect(items(await getJson(sim, '/api/v1/nodes')).map((n) => metadata(n).name)).not.toContain(node);
      expect((await get(sim, `/api/v1/nodes/${node}`)).status).toBe(404);
      expect((await get(sim, of(node))).status).toBe(404);
      expect(items(await getJson(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).map((n) => metadata(n).name)).not.toContain(node);
      const pods = items(await getJson(sim, '/api/v1/pods'));
      expect(pods.some((p) => (p.spec as Json).nodeName === node || (p.metadata as Json).namespace === 'kube-system')).toBe(false);
      expect(items(await getJson(sim, '/api/v1/namespaces')).map((n) => metadata(n).name)).not.toContain('kube-system');

      sim.setFaults({ removed: { nodes: [], namespaces: [] } });
      const added = await watch.until((e) => e.type === 'ADDED');
      const uid = (added.object.metadata as { uid: string }).uid;
      expect(added.object.metadata.name).toBe(node);
      expect(uid).not.toBe(metadata(before ?? {}).uid);
      expect(items(await getJson(sim, '/api/v1/nodes')).find((n) => metadata(n).name === node)?.metadata).toMatchObject({ uid });
    } finally {
      watch.close();
    }
  });
});
