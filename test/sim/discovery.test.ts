import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, getJson } from './sim-http.js';

describe('discovery', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 2, podsPerNode: 3 });
  });
  afterAll(() => sim.stop());

  it('answers the aggregated-discovery Accept with plain JSON, so kubectl falls back to legacy discovery', async () => {
    const reply = await get(sim, '/apis', {
      headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' },
    });
    expect(reply.headers['content-type']).toBe('application/json');
    expect(JSON.parse(reply.body)).toEqual({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        {
          name: 'metrics.k8s.io',
          versions: [{ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' }],
          preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' },
        },
      ],
    });
  });

  it('lists the core version and its resources', async () => {
    const api = await getJson(sim, '/api');
    expect(api).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const v1 = await getJson<{ resources: { name: string; kind: string; namespaced: boolean }[] }>(sim, '/api/v1');
    expect(v1.resources.map((r) => [r.name, r.kind, r.namespaced])).toEqual([
      ['namespaces', 'Namespace', false],
      ['nodes', 'Node', false],
      ['nodes/proxy', 'NodeProxyOptions', false],
      ['pods', 'Pod', true],
    ]);
  });

  it('describes the metrics.k8s.io resources', async () => {
    const list = await getJson<{ groupVersion: string; resources: { name: string; kind: string; verbs: string[] }[] }>(
      sim,
      '/apis/metrics.k8s.io/v1beta1',
    );
    expect(list.groupVersion).toBe('metrics.k8s.io/v1beta1');
    expect(list.resources.map((r) => `${r.name}:${r.kind}:${r.verbs.join('/')}`)).toEqual([
      'nodes:NodeMetrics:get/list',
      'pods:PodMetrics:get/list',
    ]);
  });

  it('reports a v1.35 server', async () => {
    expect(await getJson(sim, '/version')).toMatchObject({ major: '1', minor: '35', gitVersion: 'v1.35.0', platform: 'linux/amd64' });
  });

  it('answers unknown paths with the NotFound Status', async () => {
    const reply = await get(sim, '/apis/apps/v1/deployments');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });
});

describe('metrics API faults', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 2, podsPerNode: 3, faults: { metricsApi: 'absent' } });
  });
  afterAll(() => sim.stop());

  it('absent: metrics.k8s.io leaves discovery and its paths are 404 NotFound', async () => {
    expect((await getJson<{ groups: unknown[] }>(sim, '/apis')).groups).toEqual([]);
    for (const path of ['/apis/metrics.k8s.io/v1beta1/nodes', '/apis/metrics.k8s.io/v1beta1', '/apis/metrics.k8s.io']) {
      const reply = await get(sim, path);
      expect(reply.status).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    }
  });

  it("unavailable: the aggregator's plain-text 503, while discovery still lists the group", async () => {
    sim.setFaults({ metricsApi: 'unavailable' });
    const reply = await get(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    expect(reply.status).toBe(503);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.body).toBe('service unavailable\n');
    expect((await getJson<{ groups: { name: string }[] }>(sim, '/apis')).groups.map((g) => g.name)).toEqual(['metrics.k8s.io']);
  });

  it('ok again: the Metrics API answers', async () => {
    sim.setFaults({ metricsApi: 'ok' });
    expect((await get(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(200);
  });
});
