import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, getJson, manualClock } from './sim-http.js';

interface Item {
  readonly kind?: string;
  readonly metadata: { name: string; namespace?: string; resourceVersion: string; labels: Record<string, string> };
  readonly spec: { nodeName?: string };
  readonly status: { phase?: string };
}

interface List {
  readonly kind: string;
  readonly apiVersion: string;
  readonly metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  readonly items: Item[];
}

const key = (i: Item) => `${i.metadata.namespace}/${i.metadata.name}`;

describe('core lists', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: manualClock().now });
  });
  afterAll(() => sim.stop());

  it('lists nodes sorted by name, with list metadata and items without kind (as the apiserver sends them)', async () => {
    const list = await getJson<List>(sim, '/api/v1/nodes');
    expect(list.kind).toBe('NodeList');
    expect(list.apiVersion).toBe('v1');
    expect(list.metadata.resourceVersion).toBe(sim.cluster.resourceVersion());
    expect(list.items.map((n) => n.metadata.name)).toEqual(sim.cluster.nodeNames);
    expect(list.items[0]?.kind).toBeUndefined();
    expect(list.items[0]?.metadata.labels['node-role.kubernetes.io/control-plane']).toBe('');
  });

  it('lists every pod once, in namespace/name order, across pages joined by continue tokens', async () => {
    const whole = await getJson<List>(sim, '/api/v1/pods');
    expect(whole.items).toHaveLength(48);
    expect(whole.items.map(key)).toEqual([...whole.items.map(key)].sort());
    const paged: Item[] = [];
    let token = '';
    const remaining: (number | undefined)[] = [];
    do {
      const page: List = await getJson<List>(sim, `/api/v1/pods?limit=10${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      paged.push(...page.items);
      remaining.push(page.metadata.remainingItemCount);
      token = page.metadata.continue ?? '';
    } while (token);
    expect(paged.map(key)).toEqual(whole.items.map(key));
    expect(remaining).toEqual([38, 28, 18, 8, undefined]);
  });

  it('keeps the first page’s resourceVersion in the continue token', async () => {
    const first = await getJson<List>(sim, '/api/v1/pods?limit=5');
    const token = first.metadata.continue ?? '';
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toMatchObject({
      v: 'meta.k8s.io/v1',
      rv: Number(first.metadata.resourceVersion),
    });
    const second = await getJson<List>(sim, `/api/v1/pods?limit=5&continue=${token}`);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
  });

  it('rejects a continue token it did not issue', async () => {
    const reply = await get(sim, '/api/v1/pods?limit=5&continue=bm9wZQ');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ reason: 'BadRequest', code: 400 });
    expect(JSON.parse(reply.body).message).toMatch(/^continue key is not valid/);
  });

  it('filters by label selector, on pods and nodes', async () => {
    const web = await getJson<List>(sim, '/api/v1/pods?labelSelector=app%3Dweb-api');
    expect(web.items.length).toBeGreaterThan(0);
    expect(web.items.every((p) => p.metadata.labels.app === 'web-api' && p.metadata.namespace === 'web')).toBe(true);
    const planes = await getJson<List>(sim, `/api/v1/nodes?labelSelector=${encodeURIComponent('node-role.kubernetes.io/control-plane')}`);
    expect(planes.items.map((n) => n.metadata.name)).toEqual(['hello-kube-001']);
    const notIn = await getJson<List>(sim, `/api/v1/pods?labelSelector=${encodeURIComponent('k8s-app notin (kube-proxy),k8s-app')}`);
    expect(notIn.items.map((p) => p.metadata.labels['k8s-app'])).toEqual(['kube-dns', 'kube-dns', 'metrics-server']);
  });

  it('filters by field selector: spec.nodeName, metadata.name, status.phase', async () => {
    const onNode = await getJson<List>(sim, '/api/v1/pods?fieldSelector=spec.nodeName%3Dhello-kube-003');
    expect(onNode.items).toHaveLength(8);
    expect(onNode.items.every((p) => p.spec.nodeName === 'hello-kube-003')).toBe(true);
    expect(onNode.items.map(key)).toEqual([...onNode.items.map(key)].sort());
    const node = await getJson<List>(sim, '/api/v1/nodes?fieldSelector=metadata.name%3Dhello-kube-002');
    expect(node.items.map((n) => n.metadata.name)).toEqual(['hello-kube-002']);
    // At 10:14:07 the CronJob's 10:10 run has completed.
    const done = await getJson<List>(sim, '/api/v1/pods?fieldSelector=status.phase%21%3DRunning');
    expect(done.items.map((p) => [p.metadata.name, p.status.phase])).toEqual([
      [expect.stringMatching(/^ttl-cleanup-29707810-/), 'Succeeded'],
    ]);
  });

  it('pages a field-selected list too', async () => {
    const first = await getJson<List>(sim, '/api/v1/pods?fieldSelector=spec.nodeName%3Dhello-kube-003&limit=5');
    const rest = await getJson<List>(
      sim,
      `/api/v1/pods?fieldSelector=spec.nodeName%3Dhello-kube-003&limit=5&continue=${first.metadata.continue}`,
    );
    expect(first.metadata.remainingItemCount).toBeUndefined();
    expect([...first.items, ...rest.items].map(key)).toHaveLength(8);
    expect(rest.metadata.continue).toBeUndefined();
  });

  it('rejects a field it cannot select on, as the apiserver does', async () => {
    const reply = await get(sim, '/api/v1/pods?fieldSelector=spec.priority%3D0');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).message).toBe('field label not supported: spec.priority');
  });

  it('lists a namespace’s pods, and namespaces', async () => {
    const kubeSystem = await getJson<List>(sim, '/api/v1/namespaces/kube-system/pods');
    expect(kubeSystem.items.length).toBeGreaterThan(12);
    expect(kubeSystem.items.every((p) => p.metadata.namespace === 'kube-system')).toBe(true);
    expect((await getJson<List>(sim, '/api/v1/namespaces/nope/pods')).items).toEqual([]);
    const namespaces = await getJson<List>(sim, '/api/v1/namespaces');
    expect(namespaces.kind).toBe('NamespaceList');
    expect(namespaces.items.map((n) => n.metadata.name)).toEqual([
      'batch',
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'monitoring',
      'payments',
      'web',
    ]);
  });

  it('gets single objects with kind, and answers NotFound like the apiserver', async () => {
    const pod = sim.cluster.pods()[0];
    const one = await getJson<Item>(sim, `/api/v1/namespaces/${pod?.namespace}/pods/${pod?.name}`);
    expect(one.kind).toBe('Pod');
    expect(one.metadata.name).toBe(pod?.name);
    const node = await getJson<Item>(sim, '/api/v1/nodes/hello-kube-004');
    expect(node.kind).toBe('Node');
    const missing = await get(sim, '/api/v1/namespaces/web/pods/ghost');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({
      message: 'pods "ghost" not found',
      reason: 'NotFound',
      details: { name: 'ghost', kind: 'pods' },
    });
    expect(JSON.parse((await get(sim, '/api/v1/nodes/ghost')).body).message).toBe('nodes "ghost" not found');
  });

  it('prints tables for kubectl get when asked for meta.k8s.io Table', async () => {
    const accept = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' };
    const reply = await get(sim, '/api/v1/nodes?limit=2', { headers: accept });
    const table = JSON.parse(reply.body);
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { remainingItemCount: 4 } });
    expect(table.columnDefinitions.map((c: { name: string }) => c.name).slice(0, 5)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(table.rows[0].cells.slice(0, 3)).toEqual(['hello-kube-001', 'Ready', 'control-plane']);
    expect(table.rows[0].object).toMatchObject({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { name: 'hello-kube-001' },
    });
    const pod = sim.cluster.pods()[0];
    const one = JSON.parse((await get(sim, `/api/v1/namespaces/${pod?.namespace}/pods/${pod?.name}`, { headers: accept })).body);
    expect(one.rows.map((r: { cells: string[] }) => r.cells[0])).toEqual([pod?.name]);
  });
});
