import { describe, expect, it } from 'vitest';
import { SizedPodMetrics } from '../../src/kube/pod-metrics-choice.js';
import { InThreadPodMetrics, type PodMetricsDecoder } from '../../src/kube/pod-metrics-list.js';

const item = (i: number) => ({
  metadata: { name: `pod-${i}`, namespace: 'ns' },
  timestamp: '2026-06-26T10:14:35Z',
  window: '15s',
  containers: [{ name: 'main', usage: { cpu: '5m', memory: '1Mi' } }],
});
const list = (pods: number) =>
  Buffer.from(
    JSON.stringify({
      kind: 'PodMetricsList',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {},
      items: Array.from({ length: pods }, (_, i) => item(i)),
    }),
  );

/** Stands in for the worker: counts the lists it was given and whether it was ever closed. */
function fakeWorker() {
  const inner = new InThreadPodMetrics();
  const seen = { lists: 0, closed: false };
  const decoder: PodMetricsDecoder = {
    begin: () => {
      seen.lists++;
      return { ...inner.begin(), raw: true };
    },
    close: () => {
      seen.closed = true;
    },
  };
  return { decoder, seen };
}

async function read(decoder: SizedPodMetrics, pods: number) {
  const sink = decoder.begin();
  const body = list(pods);
  for (let i = 0; i < body.length; i += 64 * 1024) sink.push(body.subarray(i, i + 64 * 1024));
  return { raw: sink.raw, pods: (await sink.end()).usage.size };
}

describe('pod metrics read where their size warrants', () => {
  it('reads a small cluster on the drawing thread and never starts the worker', async () => {
    const { decoder, seen } = fakeWorker();
    const sized = new SizedPodMetrics(decoder);
    for (let i = 0; i < 3; i++) expect(await read(sized, 40)).toEqual({ raw: false, pods: 40 });
    expect(seen.lists).toBe(0);
  });

  it('hands a list to the worker once it outgrows 4 MB, and reads the next long one there from the start', async () => {
    const { decoder, seen } = fakeWorker();
    const sized = new SizedPodMetrics(decoder);
    expect(await read(sized, 40_000)).toEqual({ raw: false, pods: 40_000 });
    expect(seen.lists).toBe(1);
    expect(await read(sized, 40_000)).toEqual({ raw: true, pods: 40_000 });
    expect(await read(sized, 5)).toEqual({ raw: true, pods: 5 });
    expect(await read(sized, 5)).toEqual({ raw: false, pods: 5 });
    expect(seen.lists).toBe(3);
    sized.close();
    expect(seen.closed).toBe(true);
  });
});
