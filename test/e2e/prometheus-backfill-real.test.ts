import { afterAll, beforeAll, describe, expect } from 'vitest';
import { PrometheusBackfill } from '../../src/collect/prometheus-backfill.js';
import { connect } from '../../src/kube/connect.js';
import { resolveTarget } from '../../src/kube/kubeconfig/resolve-target.js';
import { connectPrometheus } from '../../src/kube/prometheus/connect-prometheus.js';
import { directGetter } from '../../src/kube/prometheus/direct-getter.js';
import { PromClient } from '../../src/kube/prometheus/prom-client.js';
import { parsePromTarget } from '../../src/kube/prometheus/prom-target.js';
import type { HistoryStore } from '../../src/model/history.js';
import type { NodeInfo } from '../../src/model/records.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { hasPrometheus, itWithPrometheus, promRange, type RunningPrometheus, startPrometheus } from '../helpers/prometheus.js';
import { healthy, type Live, startLive, until } from './faults/live-collector.js';

// The live screen's data path with a real Prometheus (Debian's package) that has scraped the
// simulated cluster's kubelets for a while, through the apiserver's node proxy: the backfilled
// history holds those seconds, each sample the value Prometheus itself gives for that time.

let sim: Sim;
let prom: RunningPrometheus | null = null;
let live: Live | null = null;
let nodes: NodeInfo[] = [];
const WINDOW_MS = 2 * 60_000;

beforeAll(async () => {
  if (!hasPrometheus) return;
  // The kubelets' figures move every 2 s (stamped with their own times, as a kubelet stamps them),
  // and Prometheus scrapes every second: a new sample every 2 s, the repeats dropped as duplicates.
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 14, metricResolutionMs: 2000 });
  const target = resolveTarget({ kubeconfig: sim.kubeconfigPath, env: {}, homeDir: '/nonexistent' });
  const connection = connect(target, { requestMs: 5_000, kubeletMs: 5_000 });
  nodes = (await connection.client.listNodes()).items;
  connection.close();
  const [first, second, third] = nodes;
  if (!first?.internalIP || !second?.internalIP || !third) throw new Error('the sim has fewer nodes, or none with an InternalIP');
  // node-1 labelled by name as kube-prometheus-stack does; node-2 only by instance (its InternalIP and
  // the kubelet's port), as a plain kubelet job labels it; node-3 by name, from cAdvisor alone.
  prom = await startPrometheus(sim, [
    { node: first.name, endpoint: 'metrics/resource' },
    { node: first.name, endpoint: 'metrics/cadvisor' },
    { node: second.name, endpoint: 'metrics/resource', instance: `${second.internalIP}:10250` },
    { node: second.name, endpoint: 'metrics/cadvisor', instance: `${second.internalIP}:10250` },
    { node: third.name, endpoint: 'metrics/cadvisor' },
  ]);
  await prom.waitForSamples('node_memory_working_set_bytes', 12);
}, 60_000);

afterAll(async () => {
  live?.stop();
  await prom?.stop();
  await sim?.stop();
});

/** The samples merged under the live ones: those older than the oldest sample the live screen recorded itself. */
function backfilled(store: HistoryStore, uid: string, series: number, liveSince: number): { times: number[]; values: number[] } {
  const times = store.readTimes(uid);
  const values = store.read(uid, series);
  const keep = times.flatMap((t, i) => (t < liveSince && Number.isFinite(values[i]) ? [i] : []));
  return { times: keep.map((i) => times[i] as number), values: keep.map((i) => values[i] as number) };
}

/** Prometheus's own value of `query` at each of `times` (whole seconds), for the series of `owner`. */
async function reference(
  query: string,
  times: readonly number[],
  owner: (labels: Record<string, string>) => boolean,
): Promise<Map<number, number>> {
  const step = times.length > 1 ? (times[1] as number) - (times[0] as number) : 1000;
  const answer = await promRange((prom as RunningPrometheus).url, query, times[0] ?? 0, times.at(-1) ?? 0, step);
  const series = answer.find((s) => owner(s.metric));
  return new Map((series?.values ?? []).map(([t, v]) => [Math.round(t * 1000), Number(v)]));
}

function expectSame(got: { times: number[]; values: number[] }, want: Map<number, number>, digits: number, atLeast = 8): void {
  expect(got.times.length).toBeGreaterThanOrEqual(atLeast);
  for (const [i, t] of got.times.entries()) {
    const expected = want.get(t);
    expect(expected, `Prometheus has a value at ${new Date(t).toISOString()}`).toBeDefined();
    expect(got.values[i]).toBeCloseTo(expected as number, digits);
  }
}

describe('backfill from a real Prometheus that scraped the sim', () => {
  itWithPrometheus(
    'the histories open with the seconds Prometheus holds, at its values, matched by node label and by InternalIP',
    async () => {
      live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 500 });
      const running = live;
      await until(() => expect(healthy(running.latest())).toBe(true));
      const before: Snapshot = running.latest();
      const [first, second, third] = before.nodes;
      if (!first || !second || !third) throw new Error('nodes missing');
      const { nodeUsage, nodeDisk, podUsage } = running.collector.histories();
      const liveSince = (store: HistoryStore, uid: string) => store.readTimes(uid)[0] ?? Number.POSITIVE_INFINITY;
      const since = {
        memory1: liveSince(nodeUsage, first.uid),
        memory2: liveSince(nodeUsage, second.uid),
        disk1: liveSince(nodeDisk, first.uid),
        cpu3: liveSince(nodeUsage, third.uid),
      };
      const pod = before.pods.find((p) => p.nodeName === first.name && before.podUsage.get(p.namespace, p.name));
      if (!pod) throw new Error('no pod with usage on the first node');
      const podSince = liveSince(podUsage, pod.uid);

      const reader = new PromClient(directGetter(new URL((prom as RunningPrometheus).url), 'prometheus'), 5_000);
      const backfill = new PrometheusBackfill(running.collector, { reader, windowMs: WINDOW_MS });
      backfill.start();
      await until(async () => {
        await backfill.idle();
        expect(backfilled(nodeUsage, second.uid, 1, since.memory2).times.length).toBeGreaterThanOrEqual(8);
      });

      const byNode = (name: string) => (l: Record<string, string>) => l.node === name;
      const memory1 = backfilled(nodeUsage, first.uid, 1, since.memory1);
      expectSame(
        memory1,
        await reference('max by (node, instance) (node_memory_working_set_bytes)', memory1.times, byNode(first.name)),
        -3,
      );

      // Matched by instance: the node's InternalIP and the kubelet's port.
      const memory2 = backfilled(nodeUsage, second.uid, 1, since.memory2);
      const byInstance = (l: Record<string, string>) => l.instance === `${second.internalIP}:10250`;
      expectSame(memory2, await reference('max by (node, instance) (node_memory_working_set_bytes)', memory2.times, byInstance), -3);

      // CPU from cAdvisor's machine row where the kubelet's resource endpoint is not scraped: the rate
      // between the last two samples (2 s apart), in millicores.
      const cpu3 = backfilled(nodeUsage, third.uid, 0, since.cpu3);
      const cpuQuery = 'max by (node, instance) (irate(container_cpu_usage_seconds_total{id="/"}[8s])) * 1000';
      expectSame(cpu3, await reference(cpuQuery, cpu3.times, byNode(third.name)), 0);

      // cAdvisor's disk figure, plus the root-reserved share the kubelet counts as gone.
      const fs = running.latest().summaries.get(first.name)?.summary.fs;
      if (!fs || fs.usedBytes === null || fs.availableBytes === null) throw new Error('no disk figures for the first node');
      const reserved = ((fs.capacityBytes - fs.availableBytes - fs.usedBytes) / fs.capacityBytes) * 100;
      const disk1 = backfilled(nodeDisk, first.uid, 0, since.disk1);
      const diskQuery =
        '100 * max by (node, instance) (container_fs_usage_bytes{id="/",device=~"/dev/.+"} / container_fs_limit_bytes{id="/",device=~"/dev/.+"})';
      const diskWant = await reference(diskQuery, disk1.times, byNode(first.name));
      expectSame(disk1, new Map([...diskWant].map(([t, v]) => [t, v + reserved])), 3);

      // A pod: its containers' working sets summed, by namespace and pod; 40 samples over the window, 3 s apart.
      const podMemory = backfilled(podUsage, pod.uid, 1, podSince);
      const podQuery = `sum by (namespace, pod) (max by (namespace, pod, container) (container_memory_working_set_bytes{container!="",container!="POD",namespace="${pod.namespace}",pod="${pod.name}"}))`;
      expectSame(podMemory, await reference(podQuery, podMemory.times, () => true), -3, 4);

      // The sim's cAdvisor exports no inode series: said, once, in the frame.
      const said = running.latest().problems.filter((p) => p.source === 'history');
      expect(said.map((p) => p.message)).toEqual([expect.stringMatching(/^Prometheus has no node inodes \(/)]);
      backfill.stop();
    },
    60_000,
  );

  itWithPrometheus(
    'k8s://NAMESPACE/SERVICE:PORT reaches the same Prometheus through the apiserver’s service proxy',
    async () => {
      const running = prom as RunningPrometheus;
      sim.setService('monitoring/prometheus-operated:9090', running.url);
      const other = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 500 });
      const target = resolveTarget({ kubeconfig: sim.kubeconfigPath, env: {}, homeDir: '/nonexistent' });
      const connection = connect(target, { requestMs: 5_000, kubeletMs: 5_000 });
      const reader = connectPrometheus(parsePromTarget('k8s://monitoring/prometheus-operated:9090'), connection.client, 5_000);
      const backfill = new PrometheusBackfill(other.collector, { reader, windowMs: WINDOW_MS });
      try {
        await until(() => expect(other.latest().nodes.length).toBe(3));
        const node = other.latest().nodes[0] as NodeInfo;
        backfill.start();
        await until(async () => {
          await backfill.idle();
          expect(other.collector.histories().nodeUsage.read(node.uid, 1).length).toBeGreaterThanOrEqual(8);
        });
        expect(sim.requestCounts()['GET service proxy']).toBeGreaterThan(0);
      } finally {
        backfill.stop();
        other.stop();
        connection.close();
      }
    },
    60_000,
  );
});
