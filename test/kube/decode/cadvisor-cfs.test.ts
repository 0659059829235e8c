import { describe, expect, it } from 'vitest';
import { KubeClient } from '../../../src/kube/kube-client.js';
import { KubeError } from '../../../src/kube/kube-error.js';
import type { GetOptions, Transport } from '../../../src/kube/transport.js';
import { throttlingBetween } from '../../../src/model/throttling.js';
import { describeWithFixtures, FIXTURE, fixtureText } from '../../helpers/fixtures.js';
import { TEST_TARGET } from '../../helpers/kube-target.js';

// The CFS counters of the real /metrics/cadvisor capture, and throttling as the rate between two
// reads: the second read is the capture with chosen counters moved on.

const target = TEST_TARGET;

/** A transport that streams `body` in chunks of `size` bytes, as a socket hands it over. */
function streaming(body: string, contentType = 'text/plain; version=0.0.4; charset=utf-8', size = 16_384) {
  const asked: string[] = [];
  const transport = {
    async stream(path: string, options: GetOptions, onChunk: (chunk: Buffer) => void) {
      asked.push(path);
      options.onOpen?.(contentType);
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i += size) onChunk(bytes.subarray(i, i + size));
    },
  } as unknown as Transport;
  return { client: new KubeClient(target, transport, { requestMs: 1000, kubeletMs: 1000 }), asked };
}

/** The capture with one container's (or, container "", the pod cgroup's) CFS counters moved on. */
function advanced(text: string, pod: string, container: string, periods: number, throttled: number, ms: number): string {
  return text
    .split('\n')
    .map((line) => {
      const family = /^container_cpu_cfs_(throttled_)?periods_total\{/.exec(line);
      if (!family || !line.includes(`pod="${pod}"`) || !line.includes(`container="${container}"`)) return line;
      if (container === '' && !line.includes('image=""')) return line;
      const [head, value, time] = line.split(' ');
      const by = family[1] ? throttled : periods;
      return `${head} ${Number(value) + by} ${Number(time) + ms}`;
    })
    .join('\n');
}

describeWithFixtures('the real /metrics/cadvisor capture', () => {
  const text = fixtureText(FIXTURE.cadvisor135);

  it('asks the kubelet through the node proxy', async () => {
    const { client, asked } = streaming(text);
    await client.nodeCadvisor('datagen-1-35');
    expect(asked).toEqual(['/api/v1/nodes/datagen-1-35/proxy/metrics/cadvisor']);
  });

  it('keeps the pod cgroups and real containers with a CPU limit; not the machine, slices or sandboxes', async () => {
    const reading = await streaming(text).client.nodeCadvisor('n');
    expect(reading.pods.map((p) => `${p.namespace}/${p.name}`).sort()).toEqual([
      'kube-system/kindnet-zkpn8',
      'scraper/e2e-container-creating',
      'scraper/e2e-daemonset-kb65b',
      'scraper/e2e-deployment-79967c5968-8bnn8',
      'scraper/e2e-deployment-79967c5968-zjslc',
      'scraper/e2e-hpa-6cd8d99884-tggnr',
      'scraper/e2e-statefulset-0',
      'scraper/e2e-statefulset-1',
    ]);
    const daemonset = reading.pods.find((p) => p.name === 'e2e-daemonset-kb65b');
    expect(daemonset?.pod).toEqual({ periods: 401, throttled: 391, time: 1782468873981 });
    expect(daemonset?.containers).toEqual(new Map([['compute-pi-digits', { periods: 423, throttled: 423, time: 1782468876833 }]]));
    const kindnet = reading.pods.find((p) => p.name === 'kindnet-zkpn8');
    expect(kindnet?.containers.get('kindnet-cni')).toEqual({ periods: 63, throttled: 9, time: 1782468880155 });
    // created, never started: a pod cgroup and no container
    expect(reading.pods.find((p) => p.name === 'e2e-container-creating')?.containers.size).toBe(0);
  });

  it('reads the same however the text is cut into chunks', async () => {
    const whole = await streaming(text, undefined, text.length).client.nodeCadvisor('n');
    for (const size of [1000, 4097]) expect(await streaming(text, undefined, size).client.nodeCadvisor('n')).toEqual(whole);
  });

  it('throttling is the rate between two reads: 40 of 100 periods is 40%', async () => {
    const first = await streaming(text).client.nodeCadvisor('n');
    const moved = advanced(advanced(text, 'kindnet-zkpn8', 'kindnet-cni', 100, 40, 10_000), 'kindnet-zkpn8', '', 80, 8, 10_000);
    const second = await streaming(moved).client.nodeCadvisor('n');
    const rates = throttlingBetween(first, second, null, Date.now());
    const kindnet = rates.get('kube-system/kindnet-zkpn8');
    expect(kindnet?.percent).toBeCloseTo(40, 6);
    expect(kindnet?.containers.get('kindnet-cni')).toBeCloseTo(40, 6);
    expect(kindnet?.pod).toBeCloseTo(10, 6);
    expect(kindnet?.at).toBe(1782468880155 + 10_000);
    // nothing else moved on: no figure yet, rather than a made-up 0
    expect([...rates.keys()]).toEqual(['kube-system/kindnet-zkpn8']);
  });

  it('a pod whose every period was throttled between the reads is at 100%', async () => {
    const first = await streaming(text).client.nodeCadvisor('n');
    const second = await streaming(advanced(text, 'e2e-daemonset-kb65b', 'compute-pi-digits', 50, 50, 5000)).client.nodeCadvisor('n');
    expect(throttlingBetween(first, second, null, 0).get('scraper/e2e-daemonset-kb65b')?.percent).toBe(100);
  });

  it('a counter that went back (the container restarted) gives no rate', async () => {
    const first = await streaming(text).client.nodeCadvisor('n');
    const second = await streaming(advanced(text, 'kindnet-zkpn8', 'kindnet-cni', -60, -9, 5000)).client.nodeCadvisor('n');
    expect(throttlingBetween(first, second, null, 0).has('kube-system/kindnet-zkpn8')).toBe(false);
  });
});

describe('nodeCadvisor answers that are not Prometheus text', () => {
  it.each(['text/html; charset=utf-8', 'application/json'])('%s is malformed', async (type) => {
    const error = await streaming('<html>sign in</html>', type)
      .client.nodeCadvisor('n')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ kind: 'malformed' });
  });

  it('hostile label values arrive safe for a terminal', async () => {
    const line = 'container_cpu_cfs_periods_total{container="c\\u001b",namespace="ns\x1b[2J",pod="p\x07"} 5 1\n';
    const reading = await streaming(`${line}${line.replace('periods', 'throttled_periods')}`).client.nodeCadvisor('n');
    expect(reading.pods[0]).toMatchObject({ namespace: 'ns', name: 'p?' });
  });
});
