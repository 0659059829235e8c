import { describe, expect, it } from 'vitest';
import { KubeClient } from '../../../src/kube/kube-client.js';
import type { GetOptions, Transport } from '../../../src/kube/transport.js';
import { usageBetween } from '../../../src/model/resource-usage.js';
import { TEST_TARGET } from '../../helpers/kube-target.js';

// /metrics/resource as the kubelet writes it (API-FACTS §5: HELP with a stability prefix, labels in
// alphabetical order, millisecond timestamps, the start time without one), and CPU as the rate
// between two reads, as metrics-server computes it.

const target = TEST_TARGET;

function client(body: string) {
  const transport = {
    async stream(_path: string, options: GetOptions, onChunk: (chunk: Buffer) => void) {
      options.onOpen?.('text/plain; version=0.0.4');
      onChunk(Buffer.from(body));
    },
  } as unknown as Transport;
  return new KubeClient(target, transport, { requestMs: 1000, kubeletMs: 1000 });
}

const T0 = 1633253812125;

function resourceText(nodeCpu: number, podCpu: number, at: number): string {
  const c = (container: string) => `{container="${container}",namespace="kube-system",pod="coredns-558bd4d5db-4dpjz"}`;
  return [
    '# HELP container_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the container in core-seconds',
    '# TYPE container_cpu_usage_seconds_total counter',
    `container_cpu_usage_seconds_total${c('coredns')} ${podCpu} ${at}`,
    `container_cpu_usage_seconds_total${c('sidecar')} ${podCpu / 2} ${at}`,
    '# TYPE container_memory_working_set_bytes gauge',
    `container_memory_working_set_bytes${c('coredns')} 1.1296768e+07 ${at}`,
    `container_memory_working_set_bytes${c('sidecar')} 1000 ${at}`,
    '# TYPE container_start_time_seconds gauge',
    `container_start_time_seconds${c('coredns')} 1.633253e+09`,
    '# TYPE node_cpu_usage_seconds_total counter',
    `node_cpu_usage_seconds_total ${nodeCpu} ${at}`,
    '# TYPE node_memory_working_set_bytes gauge',
    `node_memory_working_set_bytes 1.422032896e+09 ${at}`,
    '# TYPE resource_scrape_error gauge',
    'resource_scrape_error 0',
    '',
  ].join('\n');
}

describe('/metrics/resource', () => {
  it('reads the node and each container cumulative figures with their times', async () => {
    const reading = await client(resourceText(357.35, 4.710169, T0)).nodeResource('kind-control-plane');
    expect(reading.node).toEqual({ cpuSeconds: 357.35, memoryBytes: 1_422_032_896, time: T0 });
    expect(reading.pods).toEqual([
      {
        namespace: 'kube-system',
        name: 'coredns-558bd4d5db-4dpjz',
        containers: [
          { name: 'coredns', cpuSeconds: 4.710169, memoryBytes: 11_296_768, time: T0 },
          { name: 'sidecar', cpuSeconds: 2.3550845, memoryBytes: 1000, time: T0 },
        ],
      },
    ]);
  });

  it('CPU is the difference over the time between two reads; a pod sums its containers', async () => {
    const before = await client(resourceText(357.35, 4.7, T0)).nodeResource('n');
    const after = await client(resourceText(367.35, 5.7, T0 + 10_000)).nodeResource('n');
    const usage = usageBetween(before, after, { before: 0, after: 0 });
    // 10 core-seconds in 10 s: one core
    expect(usage.node).toEqual({ name: 'n', cpuMilli: 1000, memoryBytes: 1_422_032_896, timestamp: T0 + 10_000 });
    // 1 s and 0.5 s of CPU in 10 s: 100m and 50m
    expect(usage.pods[0]).toMatchObject({ cpuMilli: 150, memoryBytes: 11_297_768, timestamp: T0 + 10_000 });
    expect(usage.pods[0]?.containers.map((c) => c.cpuMilli)).toEqual([100, 50]);
  });

  it('a first read, or a counter that went back, gives no CPU figure', async () => {
    const after = await client(resourceText(367.35, 5.7, T0 + 10_000)).nodeResource('n');
    expect(usageBetween(null, after, { before: 0, after: 0 })).toEqual({ node: null, pods: [] });
    const restarted = await client(resourceText(400, 0.1, T0 + 20_000)).nodeResource('n');
    expect(usageBetween(after, restarted, { before: 0, after: 0 }).pods).toEqual([]);
  });
});
