import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, getJson, manualClock } from './sim-http.js';

const START = Date.parse('2026-06-26T10:14:07.250Z');

interface Fs {
  capacityBytes: number;
  availableBytes: number;
  usedBytes: number;
}
interface Summary {
  node: {
    nodeName: string;
    fs: Fs;
    runtime: { imageFs: Fs };
    memory: { workingSetBytes: number };
    cpu: { usageCoreNanoSeconds: number; time: string };
  };
  pods: {
    podRef: { name: string; namespace: string; uid: string };
    containers: { name: string; cpu: { usageCoreNanoSeconds: number }; memory: { workingSetBytes: number } }[];
    memory: { workingSetBytes: number };
    'ephemeral-storage'?: Fs;
  }[];
}

describe('the kubelet through the node proxy', () => {
  const clock = manualClock(START);
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: clock.now });
  });
  afterAll(() => sim.stop());

  it('serves the Summary API as go-restful writes it: one-space indent, no trailing newline', async () => {
    const reply = await get(sim, '/api/v1/nodes/hello-kube-002/proxy/stats/summary');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.body.startsWith('{\n "node": {\n  "nodeName": "hello-kube-002",')).toBe(true);
    expect(reply.body.endsWith('}')).toBe(true);
  });

  it('reports the node filesystem with reserved blocks: 1 − available/capacity is above used/capacity', async () => {
    for (const name of sim.cluster.nodeNames) {
      const { node } = await getJson<Summary>(sim, `/api/v1/nodes/${name}/proxy/stats/summary`);
      const evictionView = 1 - node.fs.availableBytes / node.fs.capacityBytes;
      const usedView = node.fs.usedBytes / node.fs.capacityBytes;
      expect(evictionView - usedView).toBeCloseTo(0.05, 3);
      expect(node.runtime.imageFs.capacityBytes).toBe(node.fs.capacityBytes);
      expect(node.runtime.imageFs.usedBytes).toBeLessThan(node.fs.usedBytes);
    }
  });

  it('lists each running pod with its containers, pod working set = sum of containers', async () => {
    const summary = await getJson<Summary>(sim, '/api/v1/nodes/hello-kube-003/proxy/stats/summary');
    const onNode = sim.cluster.pods().filter((p) => p.nodeName === 'hello-kube-003' && p.phase === 'Running');
    expect(summary.pods.map((p) => p.podRef.name).sort()).toEqual(onNode.map((p) => p.name).sort());
    for (const pod of summary.pods) {
      expect(pod.memory.workingSetBytes).toBe(pod.containers.reduce((sum, c) => sum + c.memory.workingSetBytes, 0));
      expect(pod['ephemeral-storage']?.usedBytes).toBeGreaterThan(0);
    }
  });

  it('gives static pods their config hash as UID, as the kubelet knows them', async () => {
    const summary = await getJson<Summary>(sim, '/api/v1/nodes/hello-kube-001/proxy/stats/summary');
    const etcd = summary.pods.find((p) => p.podRef.name === 'etcd-hello-kube-001');
    expect(etcd?.podRef.uid).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers ?only_cpu_and_memory=true with CPU and memory alone', async () => {
    const summary = await getJson<Summary & { node: Record<string, unknown> }>(
      sim,
      '/api/v1/nodes/hello-kube-002/proxy/stats/summary?only_cpu_and_memory=true',
    );
    expect(Object.keys(summary.node)).toEqual(['nodeName', 'systemContainers', 'startTime', 'cpu', 'memory']);
    expect(Object.keys(summary.pods[0] ?? {})).toEqual(['podRef', 'startTime', 'containers', 'cpu', 'memory']);
  });

  it('accepts the proxy path percent-encoded, as client-node sends it', async () => {
    expect((await get(sim, '/api/v1/nodes/hello-kube-002/proxy/stats%2Fsummary')).status).toBe(200);
  });

  it('serves /metrics/resource from the same sample, with millisecond timestamps', async () => {
    const summary = await getJson<Summary>(sim, '/api/v1/nodes/hello-kube-002/proxy/stats/summary');
    const reply = await get(sim, '/api/v1/nodes/hello-kube-002/proxy/metrics/resource');
    expect(reply.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = reply.body;
    const stamp = Date.parse(summary.node.cpu.time);
    const node = /^node_cpu_usage_seconds_total (\S+) (\d+)$/m.exec(text);
    expect(Number(node?.[1])).toBeCloseTo(summary.node.cpu.usageCoreNanoSeconds / 1e9, 6);
    expect(Math.floor(Number(node?.[2]) / 1000) * 1000).toBe(stamp);
    const pod = summary.pods[0];
    const container = pod?.containers[0];
    const line = new RegExp(
      `^container_memory_working_set_bytes\\{container="${container?.name}",namespace="${pod?.podRef.namespace}",pod="${pod?.podRef.name}"\\} (\\S+) \\d{13}$`,
      'm',
    ).exec(text);
    expect(Number(line?.[1])).toBe(container?.memory.workingSetBytes);
    expect(text).toContain(
      '# HELP node_memory_working_set_bytes [STABLE] Current working set of the node in bytes\n# TYPE node_memory_working_set_bytes gauge\n',
    );
    expect(text).toMatch(/^container_start_time_seconds\{[^}]+\} \d\.\d+e\+09$/m);
    expect(text.endsWith('resource_scrape_error 0\n')).toBe(true);
  });

  it('serves /metrics/cadvisor with the kubelet label set', async () => {
    const text = (await get(sim, '/api/v1/nodes/hello-kube-002/proxy/metrics/cadvisor')).body;
    expect(text).toMatch(
      /^container_cpu_usage_seconds_total\{container="",cpu="total",id="\/",image="",name="",namespace="",pod=""\} \S+ \d{13}$/m,
    );
    expect(text).toMatch(
      /^container_memory_working_set_bytes\{container="[a-z-]+",id="\/kubepods\/[a-z]+\/pod[0-9a-f-]+\/[0-9a-f]{64}",image="[^"]+",name="[0-9a-f]{64}",namespace="[a-z-]+",pod="[^"]+"\} /m,
    );
    expect(text).toMatch(/^container_fs_usage_bytes\{container="",device="\/dev\/sda1",id="\/",/m);
    expect(text).toMatch(
      /^container_network_receive_bytes_total\{container="",id="[^"]+",image="registry.k8s.io\/pause:3.10.1",interface="eth0",/m,
    );
    expect(text).toMatch(/^machine_memory_bytes\{boot_id="[0-9a-f-]+",machine_id="[0-9a-f]{32}",system_uuid="[0-9a-f-]+"\} \S+$/m);
  });

  it('answers unknown kubelet paths with its plain 404, and unknown nodes with a NotFound Status', async () => {
    const unknownPath = await get(sim, '/api/v1/nodes/hello-kube-002/proxy/nope');
    expect([unknownPath.status, unknownPath.body]).toEqual([404, '404 page not found\n']);
    const unknownNode = await get(sim, '/api/v1/nodes/ghost/proxy/stats/summary');
    expect(JSON.parse(unknownNode.body)).toMatchObject({ code: 404, message: 'nodes "ghost" not found' });
  });

  it('answers 503 for a node whose kubelet is down (the flapping node, 2 minutes in)', async () => {
    const { flappingNode } = sim.cluster.roles;
    clock.set(START + 150_000);
    const reply = await get(sim, `/api/v1/nodes/${flappingNode}/proxy/stats/summary`);
    clock.set(START);
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.body)).toMatchObject({
      kind: 'Status',
      reason: 'ServiceUnavailable',
      code: 503,
      message: expect.stringMatching(/^error trying to reach service: dial tcp 10\.0\.0\.\d+:10250: connect: connection refused$/),
    });
  });

  it('serves configz: the running kubelet configuration with its hard eviction thresholds', async () => {
    const sizes = new Set<string>();
    // The flapping node's kubelet may be down at this point of the clock.
    for (const name of sim.cluster.nodeNames.filter((n) => n !== sim.cluster.roles.flappingNode)) {
      const { kubeletconfig } = await getJson<{ kubeletconfig: { evictionHard: Record<string, string>; maxPods: number } }>(
        sim,
        `/api/v1/nodes/${name}/proxy/configz`,
      );
      expect(Object.keys(kubeletconfig.evictionHard).sort()).toEqual([
        'imagefs.available',
        'memory.available',
        'nodefs.available',
        'nodefs.inodesFree',
      ]);
      sizes.add(kubeletconfig.evictionHard['memory.available'] ?? '');
    }
    expect(sizes.has('100Mi')).toBe(true);
  });
});

describe('kubelet faults', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 3, podsPerNode: 4, faults: { nodeProxy: 'forbidden' } });
  });
  afterAll(() => sim.stop());

  it('nodeProxy forbidden: every proxied path is the RBAC 403, worded as a real apiserver words it', async () => {
    for (const path of ['stats/summary', 'metrics/resource', 'anything']) {
      const reply = await get(sim, `/api/v1/nodes/hello-kube-002/proxy/${path}`);
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'nodes "hello-kube-002" is forbidden: User "kmon-sim-user" cannot get resource "nodes/proxy" in API group "" at the cluster scope',
        reason: 'Forbidden',
        details: { name: 'hello-kube-002', kind: 'nodes' },
        code: 403,
      });
    }
    expect((await get(sim, '/api/v1/nodes')).status).toBe(200);
  });

  it('slowKubelet: that node answers after the delay, the others at once', async () => {
    sim.setFaults({ nodeProxy: 'ok', slowKubelet: { node: 'hello-kube-003', delayMs: 400 } });
    let started = performance.now();
    expect((await get(sim, '/api/v1/nodes/hello-kube-003/proxy/stats/summary')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    started = performance.now();
    await get(sim, '/api/v1/nodes/hello-kube-002/proxy/stats/summary');
    expect(performance.now() - started).toBeLessThan(300);
  });

  it('malformedSummary: that node’s summary is a 200 that does not parse; its other endpoints are fine', async () => {
    sim.setFaults({ slowKubelet: null, malformedSummary: 'hello-kube-002' });
    const reply = await get(sim, '/api/v1/nodes/hello-kube-002/proxy/stats/summary');
    expect(reply.status).toBe(200);
    expect(() => JSON.parse(reply.body)).toThrow(SyntaxError);
    expect((await get(sim, '/api/v1/nodes/hello-kube-002/proxy/metrics/resource')).body).toContain('node_cpu_usage_seconds_total');
    expect(JSON.parse((await get(sim, '/api/v1/nodes/hello-kube-001/proxy/stats/summary')).body).node.nodeName).toBe('hello-kube-001');
  });

  it('stop() ends a request held by a slow kubelet at once', async () => {
    const held = await startSim({ nodes: 1, podsPerNode: 1, faults: { slowKubelet: { node: 'hello-kube-001', delayMs: 60_000 } } });
    const pending = get(held, '/api/v1/nodes/hello-kube-001/proxy/stats/summary').catch((e: Error) => e);
    await expect.poll(() => held.requests.length).toBe(1);
    const started = performance.now();
    await held.stop();
    expect(await pending).toBeInstanceOf(Error);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
