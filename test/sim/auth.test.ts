import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get } from './sim-http.js';

// The exact bytes a real apiserver sends for a missing or wrong token (API-FACTS §9).
const UNAUTHORIZED =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}\n';

describe('authentication and methods', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 2, podsPerNode: 3 });
  });
  afterAll(() => sim.stop());

  it.each([
    ['no token', null],
    ['a wrong token', 'not-the-token'],
  ])('answers 401 with the real Status body to %s, on every path', async (_, token) => {
    for (const path of [
      '/api/v1/nodes',
      '/version',
      '/apis/metrics.k8s.io/v1beta1/pods',
      '/api/v1/nodes/hello-kube-001/proxy/stats/summary',
    ]) {
      const reply = await get(sim, path, { token });
      expect(reply.status).toBe(401);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.body).toBe(UNAUTHORIZED);
    }
  });

  it('serves GET only: other methods get 405 MethodNotAllowed, after authentication', async () => {
    const post = await get(sim, '/api/v1/pods', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(JSON.parse(post.body)).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 });
    expect((await get(sim, '/api/v1/pods', { method: 'DELETE', token: null })).status).toBe(401);
  });

  it('answers JSON even when the client asks for protobuf first, as kubectl does', async () => {
    const reply = await get(sim, '/api/v1/nodes', { headers: { Accept: 'application/vnd.kubernetes.protobuf, application/json' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(JSON.parse(reply.body).kind).toBe('NodeList');
  });

  it('records every request in order, with method, target and status, and counts them by kind', async () => {
    const fresh = await startSim({ nodes: 1, podsPerNode: 2 });
    try {
      await get(fresh, '/api/v1/nodes?limit=1');
      await get(fresh, '/api/v1/pods', { method: 'PATCH' });
      await get(fresh, '/apis/metrics.k8s.io/v1beta1/nodes', { token: null });
      await get(fresh, '/api/v1/nodes/hello-kube-001/proxy/stats/summary');
      expect(fresh.requests.map((r) => [r.method, r.path, r.status])).toEqual([
        ['GET', '/api/v1/nodes?limit=1', 200],
        ['PATCH', '/api/v1/pods', 405],
        ['GET', '/apis/metrics.k8s.io/v1beta1/nodes', 401],
        ['GET', '/api/v1/nodes/hello-kube-001/proxy/stats/summary', 200],
      ]);
      expect(fresh.requestCounts()).toEqual({ 'GET nodes': 1, 'PATCH pods': 1, 'GET metrics nodes': 1, 'GET kubelet summary': 1 });
    } finally {
      await fresh.stop();
    }
  });
});
