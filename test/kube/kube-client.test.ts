import { describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/kube/kube-client.js';
import { KubeError } from '../../src/kube/kube-error.js';
import type { KubeTarget } from '../../src/kube/kubeconfig/kube-target.js';
import type { GetOptions, Transport } from '../../src/kube/transport.js';

const target: KubeTarget = {
  context: 'ctx',
  clusterName: 'c',
  userName: 'u',
  namespace: 'default',
  server: 'https://h',
  cluster: { server: 'https://h' },
  user: {},
};

/** A Transport that answers each path from a table, in 7-byte chunks, and records what was asked. */
function fakeTransport(bodies: Record<string, string>) {
  const requests: { path: string; options: GetOptions }[] = [];
  const answer = (path: string, options: GetOptions): Buffer => {
    requests.push({ path, options });
    const body = bodies[path];
    if (body === undefined) throw new KubeError('not-found', `not found: ${path}`, { status: 404 });
    return Buffer.from(body);
  };
  const transport = {
    async stream(path: string, options: GetOptions, onChunk: (c: Buffer) => void) {
      const body = answer(path, options);
      for (let i = 0; i < body.length; i += 7) onChunk(body.subarray(i, i + 7));
    },
    async get(path: string, options: GetOptions) {
      return answer(path, options);
    },
  };
  return { transport: transport as unknown as Transport, requests };
}

const node = (name: string, cpu = '4') => ({
  metadata: { name, uid: `uid-${name}` },
  status: { allocatable: { cpu, memory: '1Gi', pods: '110' } },
});
const list = (kind: string, metadata: Record<string, unknown>, items: unknown[]) =>
  JSON.stringify({ kind, apiVersion: 'v1', metadata, items });
const timeouts = { requestMs: 10_000, kubeletMs: 5000 };

describe('KubeClient', () => {
  it('lists nodes page by page with limit/continue, as kubectl does', async () => {
    const { transport, requests } = fakeTransport({
      '/api/v1/nodes?limit=500': list('NodeList', { resourceVersion: '10', continue: 'tok/1' }, [node('a'), node('b')]),
      '/api/v1/nodes?limit=500&continue=tok%2F1': list('NodeList', { resourceVersion: '11' }, [node('c'), node('bad', 'lots')]),
    });
    const result = await new KubeClient(target, transport, timeouts).listNodes();
    expect(result.items.map((n) => n.name)).toEqual(['a', 'b', 'c']);
    expect(result.items[0]?.allocatable.cpuMilli).toBe(4000);
    expect(result).toMatchObject({ skipped: 1, firstProblem: 'status.allocatable.cpu: not a Kubernetes quantity', resourceVersion: '11' });
    expect(requests.map((r) => r.options.timeoutMs)).toEqual([10_000, 10_000]);
  });

  it.each<[string, (c: KubeClient) => Promise<unknown>, string]>([
    [
      'pods in a namespace with a selector',
      (c) => c.listPods({ namespace: 'shop', labelSelector: 'app=web' }),
      '/api/v1/namespaces/shop/pods?limit=500&labelSelector=app%3Dweb',
    ],
    ['pods in all namespaces', (c) => c.listPods({ namespace: null }), '/api/v1/pods?limit=500'],
    [
      'node metrics',
      (c) => c.nodeMetrics({ labelSelector: 'tier in (a,b)' }),
      '/apis/metrics.k8s.io/v1beta1/nodes?labelSelector=tier+in+%28a%2Cb%29',
    ],
    [
      'pod metrics in a namespace',
      (c) => c.podMetrics({ namespace: 'kube-system' }),
      '/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods',
    ],
  ])('asks for %s at the right path', async (_, call, path) => {
    const { transport, requests } = fakeTransport({ [path]: list('List', {}, []) });
    await call(new KubeClient(target, transport, timeouts));
    expect(requests.map((r) => r.path)).toEqual([path]);
  });

  it('reads a summary through the node proxy with the kubelet timeout and a size cap', async () => {
    const path = '/api/v1/nodes/node%2F1/proxy/stats/summary';
    const { transport, requests } = fakeTransport({ [path]: JSON.stringify({ node: { nodeName: 'node/1' }, pods: [] }) });
    const summary = await new KubeClient(target, transport, timeouts).nodeSummary('node/1');
    expect(summary.nodeName).toBe('node/1');
    expect(requests[0]?.options).toMatchObject({ timeoutMs: 5000, maxBytes: 16 * 1024 * 1024 });
  });

  it.each([
    ['a truncated list', '{"kind":"NodeList","items":[{"metadata":{"name":"a"'],
    ['an HTML error page', '<html>502 Bad Gateway</html>'],
  ])('%s is a malformed KubeError naming the path', async (_, body) => {
    const { transport } = fakeTransport({ '/api/v1/nodes?limit=500': body });
    const error = await new KubeClient(target, transport, timeouts).listNodes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/^\/api\/v1\/nodes: invalid JSON list \(/) });
  });
});
