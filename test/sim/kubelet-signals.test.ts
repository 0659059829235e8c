import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { get, getJson, manualClock } from './sim-http.js';

// The simulated kubelets' other figures, read as a client would: a node nearly out of inodes with
// bytes to spare, nodes without PSI, a pod throttled in 40% of its CFS periods, a pod near its
// ephemeral-storage limit, and PIDs against the node's limit.

const START = Date.parse('2026-06-26T10:14:07.250Z');

interface Stall {
  some: { avg10: number };
}
interface Summary {
  node: {
    cpu: { psi?: { some: { avg10: number } } };
    memory: { psi?: Stall };
    io?: { psi: Stall };
    fs: { capacityBytes: number; availableBytes: number; inodes: number; inodesFree: number };
    rlimit: { maxpid: number; curproc: number };
  };
  pods: {
    podRef: { name: string; namespace: string };
    cpu: { psi?: Stall };
    io?: unknown;
    containers: { name: string; cpu: { psi?: Stall }; rootfs: { usedBytes: number }; logs: { usedBytes: number } }[];
    'ephemeral-storage': { usedBytes: number };
  }[];
}

/** Each container's and pod cgroup's CFS counters, by "namespace/pod/container" ("" for the pod cgroup). */
function cfsCounters(text: string): Map<string, { periods: number; throttled: number }> {
  const out = new Map<string, { periods: number; throttled: number }>();
  for (const m of text.matchAll(/^container_cpu_cfs_(throttled_)?periods_total\{([^}]*)\} (\S+)/gm)) {
    const label = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[2] ?? '')?.[1] ?? '';
    const key = `${label('namespace')}/${label('pod')}/${label('container')}`;
    const entry = out.get(key) ?? { periods: 0, throttled: 0 };
    if (m[1]) entry.throttled = Number(m[3]);
    else entry.periods = Number(m[3]);
    out.set(key, entry);
  }
  return out;
}

describe('the simulated kubelets beyond CPU, memory and disk bytes', () => {
  const clock = manualClock(START);
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 8, podsPerNode: 9, now: clock.now });
  });
  afterAll(() => sim.stop());

  const summary = (node: string) => getJson<Summary>(sim, `/api/v1/nodes/${node}/proxy/stats/summary`);

  it('a node nearly out of inodes with most of its bytes free', async () => {
    const node = sim.cluster.roles.inodesNode as string;
    const { fs } = (await summary(node)).node;
    expect(1 - fs.inodesFree / fs.inodes).toBeCloseTo(0.93, 3);
    expect(1 - fs.availableBytes / fs.capacityBytes).toBeLessThan(0.8);
    for (const other of sim.cluster.nodeNames.filter((n) => n !== node)) {
      const { fs: theirs } = (await summary(other)).node;
      expect(1 - theirs.inodesFree / theirs.inodes).toBeLessThan(0.5);
    }
  });

  it('every third node reports no pressure anywhere (no psi, no io), as on cgroup v1; the others do', async () => {
    expect(sim.cluster.roles.nodesWithoutPsi).toEqual(['hello-kube-003', 'hello-kube-006']);
    for (const node of sim.cluster.nodeNames) {
      const body = (await get(sim, `/api/v1/nodes/${node}/proxy/stats/summary`)).body;
      const without = sim.cluster.roles.nodesWithoutPsi.includes(node);
      expect(body.includes('"psi"'), node).toBe(!without);
      expect(body.includes('"io"'), node).toBe(!without);
    }
  });

  it('the throttled pod: 40% of its periods between two reads, its envoy 12%, and its CPU stalls', async () => {
    const pod = sim.cluster.roles.throttledPod;
    if (!pod) throw new Error('no throttled pod');
    const path = `/api/v1/nodes/${pod.node}/proxy/metrics/cadvisor`;
    const first = cfsCounters((await get(sim, path)).body);
    clock.advance(30_000);
    const second = cfsCounters((await get(sim, path)).body);
    const share = (container: string) => {
      const key = `${pod.namespace}/${pod.name}/${container}`;
      const a = first.get(key);
      const b = second.get(key);
      if (!a || !b) throw new Error(`no CFS counters for ${key}`);
      return (b.throttled - a.throttled) / (b.periods - a.periods);
    };
    expect(share('api')).toBeCloseTo(0.4, 1);
    expect(share('envoy')).toBeCloseTo(0.12, 1);
    // its pod cgroup has a quota (both containers have a CPU limit)
    expect(share('')).toBeGreaterThan(0.2);
    const stats = (await summary(pod.node)).pods.find((p) => p.podRef.name === pod.name);
    expect(stats?.cpu.psi?.some.avg10).toBe(25);
  });

  it('only containers with a CPU limit, and pod cgroups where every container has one, have CFS series', async () => {
    const text = (await get(sim, '/api/v1/nodes/hello-kube-004/proxy/metrics/cadvisor')).body;
    interface Pod {
      metadata: { name: string };
      spec: { containers: { name: string; resources: { limits?: { cpu?: string } } }[] };
      status: { phase: string };
    }
    const pods = await getJson<{ items: Pod[] }>(sim, '/api/v1/pods?fieldSelector=spec.nodeName=hello-kube-004');
    const counters = cfsCounters(text);
    // A Job's completed pod has no cgroup left to measure.
    for (const pod of pods.items.filter((p) => p.status.phase === 'Running')) {
      for (const c of pod.spec.containers) {
        const has = [...counters.keys()].some((k) => k.endsWith(`/${pod.metadata.name}/${c.name}`));
        expect(has, `${pod.metadata.name}/${c.name}`).toBe(c.resources.limits?.cpu !== undefined);
      }
    }
  });

  it('the disk hog: 92% of its 2Gi ephemeral-storage limit, its writable layer and log adding up to it', async () => {
    const pod = sim.cluster.roles.diskHogPod;
    if (!pod) throw new Error('no disk hog');
    const spec = await getJson<{
      spec: { containers: { resources: { limits: Record<string, string>; requests: Record<string, string> } }[] };
    }>(sim, `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`);
    expect(spec.spec.containers[0]?.resources.limits['ephemeral-storage']).toBe('2Gi');
    expect(spec.spec.containers[0]?.resources.requests['ephemeral-storage']).toBe('2Gi');
    const stats = (await summary(pod.node)).pods.find((p) => p.podRef.name === pod.name);
    const used = stats?.['ephemeral-storage'].usedBytes ?? 0;
    expect(used / 2 ** 31).toBeCloseTo(0.92, 2);
    const containers = stats?.containers.reduce((sum, c) => sum + c.rootfs.usedBytes + c.logs.usedBytes, 0) ?? 0;
    expect(used - containers).toBe(4096);
  });

  it('PIDs in use against the node limit', async () => {
    const { rlimit } = (await summary('hello-kube-001')).node;
    expect(rlimit.curproc).toBeGreaterThan(0);
    expect(rlimit.curproc).toBeLessThan(rlimit.maxpid);
  });
});
