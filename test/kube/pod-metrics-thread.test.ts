import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeClient } from '../../src/kube/kube-client.js';
import { WorkerPodMetrics } from '../../src/kube/pod-metrics-thread.js';
import type { GetOptions, Transport } from '../../src/kube/transport.js';
import { TEST_TARGET } from '../helpers/kube-target.js';

const target = TEST_TARGET;
const timeouts = { requestMs: 10_000, kubeletMs: 5000 };
const PATH = '/apis/metrics.k8s.io/v1beta1/pods';

const item = (namespace: string, name: string, cpu: string, memory = '1Mi') => ({
  metadata: { name, namespace },
  timestamp: '2026-06-26T10:14:35Z',
  window: '15s',
  containers: [
    { name: 'main', usage: { cpu, memory } },
    { name: 'log', usage: { cpu: '1m', memory: '1Ki' } },
  ],
});
const list = (items: unknown[]) => JSON.stringify({ kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });

/** A transport that answers the nth read with `body(n)`, gzipped if asked for raw, in small chunks. */
function transport(body: (read: number) => Buffer | string) {
  let reads = 0;
  return {
    async stream(_path: string, options: GetOptions, onChunk: (c: Buffer) => void) {
      const text = body(++reads);
      const bytes = options.raw ? (typeof text === 'string' ? gzipSync(text) : text) : Buffer.from(text);
      options.onOpen?.('application/json', options.raw ? 'gzip' : 'identity');
      for (let i = 0; i < bytes.length; i += 1000) onChunk(bytes.subarray(i, i + 1000));
    },
  } as unknown as Transport;
}

const workers: WorkerPodMetrics[] = [];
function clients(body: (read: number) => Buffer | string) {
  const worker = new WorkerPodMetrics(target.server);
  workers.push(worker);
  return { onWorker: new KubeClient(target, transport(body), timeouts, worker), here: new KubeClient(target, transport(body), timeouts) };
}

afterEach(() => {
  for (const w of workers.splice(0)) w.close();
});

describe('WorkerPodMetrics: pod metrics decoded on a worker thread', () => {
  it('gives the same usage as decoding on this thread, list after list, invalid items counted', async () => {
    const { onWorker, here } = clients((round) => {
      const pods = Array.from({ length: 3000 }, (_, i) => item(`ns-${i % 7}`, `pod-${i}`, `${round * 1000 + i}n`));
      return list([...pods, item('ns-0', `new-${Math.floor(round / 2)}`, '5m'), item('ns-0', 'bad', 'lots')]);
    });
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([onWorker.podMetrics(), here.podMetrics()]);
      expect([...a.usage.values()]).toEqual([...b.usage.values()]);
      expect(a).toMatchObject({ skipped: 1, firstProblem: 'containers.0.usage.cpu: not a Kubernetes quantity' });
      expect(a.usage.get('ns-0', 'pod-7')?.containers.map((c) => c.name)).toEqual(['main', 'log']);
    }
  });

  it('pods renamed list after list: numbering starts over once most numbers are stale, and usage stays right', async () => {
    const { onWorker, here } = clients((round) => list(Array.from({ length: 2000 }, (_, i) => item('ns', `pod-${round}-${i}`, `${i}m`))));
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [a, b] = await Promise.all([onWorker.podMetrics(), here.podMetrics()]);
      expect([...a.usage.values()]).toEqual([...b.usage.values()]);
      sizes.push(a.usage.keys.size);
    }
    expect(sizes).toEqual([2000, 4000, 6000, 2000, 4000]);
  });

  it('a body that is no list is a malformed read; the next list is read again', async () => {
    let body = '{"kind":"PodMetricsList","items":[{"metadata":';
    const { onWorker } = clients(() => body);
    await expect(onWorker.podMetrics()).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining(`${PATH}: invalid JSON list`),
    });
    body = list([item('a', 'b', '1m')]);
    expect((await onWorker.podMetrics()).usage.get('a', 'b')?.cpuMilli).toBe(2);
  });

  it('a broken compressed body fails the read as a connection dropped mid-answer', async () => {
    const zipped = gzipSync(list([item('a', 'b', '1m')]));
    const broken = Buffer.concat([zipped.subarray(0, 20), Buffer.alloc(40, 7), zipped.subarray(60)]);
    const { onWorker } = clients(() => broken);
    await expect(onWorker.podMetrics()).rejects.toMatchObject({
      kind: 'unreachable',
      message: expect.stringContaining('dropped mid-response'),
    });
  });
});
