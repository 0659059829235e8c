import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledCeil, unitValue } from '../../src/model/quantity.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, getJson, manualClock } from './sim-http.js';

interface Usage {
  cpu: string;
  memory: string;
}
interface NodeMetrics {
  kind?: string;
  metadata: { name: string; creationTimestamp: string; labels: Record<string, string> };
  timestamp: string;
  window: string;
  usage: Usage;
}
interface PodMetrics {
  metadata: { name: string; namespace: string; creationTimestamp: string; labels: Record<string, string> };
  timestamp: string;
  window: string;
  containers: { name: string; usage: Usage }[];
}
interface MetricsList<T> {
  kind: string;
  apiVersion: string;
  metadata: Record<string, never>;
  items: T[];
}

const nanocores = (q: string) => scaledCeil(q, 9);
const START = Date.parse('2026-06-26T10:14:07.250Z');

describe('metrics.k8s.io', () => {
  const clock = manualClock(START);
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: clock.now });
  });
  afterAll(() => sim.stop());

  it('lists nodes as metrics-server does: sorted, labels copied, creation = now, timestamp = last scrape', async () => {
    const list = await getJson<MetricsList<NodeMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    expect(list.kind).toBe('NodeMetricsList');
    expect(list.apiVersion).toBe('metrics.k8s.io/v1beta1');
    expect(list.metadata).toEqual({});
    expect(list.items.map((n) => n.metadata.name)).toEqual(sim.cluster.nodeNames);
    for (const node of list.items) {
      expect(node.kind).toBeUndefined();
      expect(node.metadata.creationTimestamp).toBe('2026-06-26T10:14:07Z');
      expect(node.metadata.labels['kubernetes.io/hostname']).toBe(node.metadata.name);
      // The kubelet sampled shortly before the 10:14:00 scrape; times have whole seconds.
      expect(['2026-06-26T10:13:58Z', '2026-06-26T10:13:59Z', '2026-06-26T10:14:00Z']).toContain(node.timestamp);
      expect(node.window).toMatch(/^1[45](\.\d{1,3})?s$/);
      expect(node.usage.cpu).toMatch(/^\d+(n|u|m)?$/);
      expect(node.usage.memory).toMatch(/^\d+(Ki|Mi|Gi)?$/);
    }
  });

  it('moves its timestamps on once per metric resolution', async () => {
    const before = await getJson<MetricsList<NodeMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    clock.advance(5000);
    const same = await getJson<MetricsList<NodeMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    clock.advance(10_000);
    const next = await getJson<MetricsList<NodeMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    clock.set(START);
    expect(same.items.map((n) => [n.timestamp, n.usage])).toEqual(before.items.map((n) => [n.timestamp, n.usage]));
    next.items.forEach((n, i) => {
      const gap = Date.parse(n.timestamp) - Date.parse(before.items[i]?.timestamp ?? '');
      expect(gap).toBeGreaterThanOrEqual(14_000);
      expect(gap).toBeLessThanOrEqual(16_000);
    });
  });

  it('lists pods sorted by namespace then name, each container named from its spec', async () => {
    const list = await getJson<MetricsList<PodMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    expect(list.kind).toBe('PodMetricsList');
    const keys = list.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(sim.cluster.podsWithMetrics().map((p) => `${p.namespace}/${p.name}`));
    const webApi = list.items.find((p) => p.metadata.labels.app === 'web-api');
    expect(webApi?.containers.map((c) => c.name).sort()).toEqual(['api', 'envoy']);
  });

  it('leaves out the crash-looping pod and the completed Job pod, which have no running containers', async () => {
    const listed = new Set(sim.cluster.podsWithMetrics().map((p) => p.name));
    const { crashLoopPod } = sim.cluster.roles;
    expect(listed.has(crashLoopPod?.name ?? '')).toBe(false);
    expect(
      sim.cluster
        .pods()
        .filter((p) => !listed.has(p.name))
        .map((p) => p.name),
    ).toEqual([expect.stringMatching(/^report-generator-/), expect.stringMatching(/^ttl-cleanup-/)]);
  });

  it('lists a brand-new pod only once it has two scrapes', async () => {
    const inMetrics = () => sim.cluster.podsWithMetrics().some((p) => p.name.startsWith('ttl-cleanup-'));
    clock.set(Date.parse('2026-06-26T10:15:20Z'));
    const run = sim.cluster.pods().find((p) => p.name.startsWith('ttl-cleanup-'));
    expect(run).toMatchObject({ name: expect.stringMatching(/^ttl-cleanup-29707815-/), phase: 'Running' });
    expect(inMetrics()).toBe(false);
    const missing = await get(sim, `/apis/metrics.k8s.io/v1beta1/namespaces/batch/pods/${run?.name}`);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({
      message: `podmetrics.metrics.k8s.io "${run?.name}" not found`,
      details: { name: run?.name, group: 'metrics.k8s.io', kind: 'podmetrics' },
    });
    clock.set(Date.parse('2026-06-26T10:15:31Z'));
    expect(inMetrics()).toBe(true);
    const found = await getJson<PodMetrics & { kind: string }>(sim, `/apis/metrics.k8s.io/v1beta1/namespaces/batch/pods/${run?.name}`);
    expect(found.kind).toBe('PodMetrics');
    clock.set(START);
  });

  it('filters by label selector and by name', async () => {
    const list = await getJson<MetricsList<PodMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/pods?labelSelector=k8s-app%3Dkube-proxy');
    expect(list.items).toHaveLength(6);
    expect(list.items.every((p) => p.metadata.name.startsWith('kube-proxy-'))).toBe(true);
    const ns = await getJson<MetricsList<PodMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/namespaces/monitoring/pods');
    expect(ns.items.every((p) => p.metadata.namespace === 'monitoring')).toBe(true);
    const one = await getJson<MetricsList<NodeMetrics>>(
      sim,
      '/apis/metrics.k8s.io/v1beta1/nodes?fieldSelector=metadata.name%3Dhello-kube-002',
    );
    expect(one.items.map((n) => n.metadata.name)).toEqual(['hello-kube-002']);
  });

  it('agrees with the kubelet summary of the same moment: equal working sets, equal CPU', async () => {
    const nodes = await getJson<MetricsList<NodeMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    const pods = await getJson<MetricsList<PodMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    for (const node of nodes.items) {
      const summary = await getJson<{
        node: { cpu: { usageNanoCores: number; time: string }; memory: { workingSetBytes: number } };
        pods: {
          podRef: { name: string; namespace: string };
          containers: { name: string; cpu: { usageNanoCores: number }; memory: { workingSetBytes: number } }[];
        }[];
      }>(sim, `/api/v1/nodes/${node.metadata.name}/proxy/stats/summary`);
      expect(summary.node.memory.workingSetBytes).toBe(unitValue(node.usage.memory));
      expect(summary.node.cpu.usageNanoCores).toBe(nanocores(node.usage.cpu));
      expect(summary.node.cpu.time).toBe(node.timestamp);
      for (const p of summary.pods) {
        const metrics = pods.items.find((m) => m.metadata.name === p.podRef.name && m.metadata.namespace === p.podRef.namespace);
        if (!metrics) continue;
        for (const c of p.containers) {
          const usage = metrics.containers.find((m) => m.name === c.name)?.usage;
          expect(unitValue(usage?.memory ?? '')).toBe(c.memory.workingSetBytes);
          expect(nanocores(usage?.cpu ?? '')).toBe(c.cpu.usageNanoCores);
        }
      }
    }
  });

  it('answers within one scrape with the same items, stamped with the time of each response', async () => {
    // Past every earlier test's time (the sim's clock never goes back), early in a 15 s scrape.
    clock.set(START + 600_000);
    const first = await getJson<MetricsList<PodMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    clock.advance(2000);
    const second = await getJson<MetricsList<PodMetrics>>(sim, '/apis/metrics.k8s.io/v1beta1/pods');
    const data = (list: MetricsList<PodMetrics>) =>
      list.items.map(({ metadata: { creationTimestamp: _, ...rest }, ...item }) => ({ ...item, rest }));
    expect(data(second)).toEqual(data(first));
    const stamps = (list: MetricsList<PodMetrics>) => [...new Set(list.items.map((p) => Date.parse(p.metadata.creationTimestamp)))];
    const [firstAt = 0] = stamps(first);
    expect(stamps(first)).toEqual([firstAt]);
    expect(stamps(second)).toEqual([firstAt + 2000]);
  });

  it('drops the pods of a namespace deleted between two scrapes at once', async () => {
    const path = '/apis/metrics.k8s.io/v1beta1/pods';
    const namespace = (await getJson<MetricsList<PodMetrics>>(sim, path)).items[0]?.metadata.namespace ?? '';
    sim.setFaults({ removed: { nodes: [], namespaces: [namespace] } });
    const after = await getJson<MetricsList<PodMetrics>>(sim, path);
    sim.setFaults({ removed: { nodes: [], namespaces: [] } });
    expect(after.items.length).toBeGreaterThan(0);
    expect(after.items.filter((p) => p.metadata.namespace === namespace)).toEqual([]);
  });
});
