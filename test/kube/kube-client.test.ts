import { describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/kube/kube-client.js';
import { KubeError, WatchUnsupportedError } from '../../src/kube/kube-error.js';
import type { GetOptions, Transport } from '../../src/kube/transport.js';
import { TEST_TARGET } from '../helpers/kube-target.js';

const target = TEST_TARGET;

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
  it('lists nodes page by page with limit/continue', async () => {
    const { transport, requests } = fakeTransport({
      '/api/v1/nodes?limit=5000': list('NodeList', { resourceVersion: '10', continue: 'tok/1' }, [node('a'), node('b')]),
      '/api/v1/nodes?limit=5000&continue=tok%2F1': list('NodeList', { resourceVersion: '11' }, [node('c'), node('bad', 'lots')]),
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
      '/api/v1/namespaces/shop/pods?limit=5000&labelSelector=app%3Dweb',
    ],
    ['pods in all namespaces', (c) => c.listPods({ namespace: null }), '/api/v1/pods?limit=5000'],
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

  it('a summary read without its pods: the node figures, no pods, and an answer cut short still refused', async () => {
    const path = '/api/v1/nodes/n1/proxy/stats/summary';
    const pod = {
      podRef: { name: 'p', namespace: 'ns' },
      containers: [{ name: 'c', cpu: { usageNanoCores: 5 }, memory: { workingSetBytes: 7 } }],
    };
    const body = JSON.stringify({ node: { nodeName: 'n1', fs: { capacityBytes: 100, availableBytes: 40 } }, pods: [pod] }, null, 1);
    const client = (text: string) => new KubeClient(target, fakeTransport({ [path]: text }).transport, timeouts);
    const slim = await client(body).nodeSummary('n1', { pods: false });
    expect(slim).toMatchObject({ nodeName: 'n1', fs: { capacityBytes: 100, availableBytes: 40 }, pods: [] });
    expect((await client(body).nodeSummary('n1')).pods).toHaveLength(1);
    const cut = await client(body.slice(0, body.length - 20))
      .nodeSummary('n1', { pods: false })
      .catch((e: unknown) => e);
    expect(cut).toMatchObject({ kind: 'malformed', message: 'summary is not valid JSON' });
  });

  it.each([
    ['a truncated list', '{"kind":"NodeList","items":[{"metadata":{"name":"a"'],
    ['an HTML error page', '<html>502 Bad Gateway</html>'],
  ])('%s is a malformed KubeError naming the path', async (_, body) => {
    const { transport } = fakeTransport({ '/api/v1/nodes?limit=5000': body });
    const error = await new KubeClient(target, transport, timeouts).listNodes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/^\/api\/v1\/nodes: invalid JSON list \(/) });
  });
});

describe('KubeClient watches: a server that does not do them says so at once', () => {
  const watchPath = '/api/v1/nodes?watch=1&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=300';

  /** Watches the fake's answer, opened with `contentType`; resolves with the events seen and the error, if any. */
  async function watchAnswer(body: string, contentType = 'application/json') {
    const { transport } = fakeTransport({ [watchPath]: body });
    const opening = transport.stream.bind(transport);
    transport.stream = async (path, options, onChunk) => {
      options.onOpen?.(contentType);
      return opening(path, options, onChunk);
    };
    const events: string[] = [];
    const error = await new KubeClient(target, transport, timeouts)
      .watchNodes({
        resourceVersion: '10',
        onEvent: (e) => events.push(e.type),
        onVersion: () => {},
        onInvalid: () => {},
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    return { events, error };
  }

  const event = (type: string, rv: string) =>
    JSON.stringify({ type, object: { ...node('a'), metadata: { name: 'a', uid: 'u', resourceVersion: rv } } });

  it('a stream of events is a watch', async () => {
    const { events, error } = await watchAnswer(`${event('ADDED', '11')}\n${event('MODIFIED', '12')}\n`);
    expect(error).toBeNull();
    expect(events).toEqual(['ADDED', 'MODIFIED']);
  });

  it.each<[string, string, string, string]>([
    ['a list (a proxy dropped ?watch=1)', list('NodeList', { resourceVersion: '10' }, [node('a')]), 'application/json', 'a NodeList'],
    [
      'a list, indented, with no newline at the end',
      JSON.stringify({ kind: 'NodeList', items: [] }, null, 2),
      'application/json',
      'something that is not JSON lines',
    ],
    ['a list with no newline', list('NodeList', {}, []), 'application/json', 'a NodeList'],
    ['an HTML login page', '<html><body>Sign in</body></html>', 'text/html; charset=utf-8', 'text/html'],
  ])('%s: WatchUnsupportedError', async (_, body, contentType, answer) => {
    const { error } = await watchAnswer(body, contentType);
    expect(error).toBeInstanceOf(WatchUnsupportedError);
    expect((error as Error).message).toBe(`watch unavailable (answered with ${answer})`);
  });

  it('a line that is not an event after events have flowed is a broken stream, not a missing watch', async () => {
    const { events, error } = await watchAnswer(`${event('ADDED', '11')}\n{"kind":"NodeList"}\n`);
    expect(events).toEqual(['ADDED']);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).not.toBeInstanceOf(WatchUnsupportedError);
  });
});
