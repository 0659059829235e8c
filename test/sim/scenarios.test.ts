import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { milliValue, scaledCeil, unitValue } from '../../src/model/quantity.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { getJson, manualClock } from './sim-http.js';

const START = Date.parse('2026-06-26T10:14:07.250Z');
const MINUTE = 60_000;

interface Condition {
  type: string;
  status: string;
  reason: string;
}
interface Node {
  status: { allocatable: { cpu: string }; conditions: Condition[] };
}
interface ContainerStatus {
  restartCount: number;
  state: { waiting?: { reason: string }; running?: unknown };
  lastState: { terminated?: { reason: string; exitCode: number } };
}
interface Pod {
  spec: { containers: { resources: { limits?: { memory?: string } } }[] };
  status: { containerStatuses: ContainerStatus[] };
}

// Simulated time only moves forward, so each scenario gets a fresh sim started at START.
describe('the scenarios, timed from the start (demo time = wall time)', () => {
  const clock = manualClock(START);
  let sim: Sim;
  beforeEach(async () => {
    clock.set(START);
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: clock.now });
  });
  afterEach(() => sim.stop());

  const at = (ms: number) => clock.set(START + ms);
  const disk = async (node: string) => {
    const { node: stats } = await getJson<{ node: { fs: { availableBytes: number; capacityBytes: number } } }>(
      sim,
      `/api/v1/nodes/${node}/proxy/stats/summary`,
    );
    return 1 - stats.fs.availableBytes / stats.fs.capacityBytes;
  };
  const condition = async (node: string, type: string) =>
    (await getJson<Node>(sim, `/api/v1/nodes/${node}`)).status.conditions.find((c) => c.type === type);

  it('starts with one node above 90% disk, under DiskPressure', async () => {
    at(0);
    const { fullDiskNode } = sim.cluster.roles;
    expect(await disk(fullDiskNode)).toBeGreaterThan(0.9);
    expect(await condition(fullDiskNode, 'DiskPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasDiskPressure' });
  });

  it('fills another node’s disk past 80% in about a minute and 90% within four, then image GC frees it', async () => {
    const { fillingDiskNode } = sim.cluster.roles;
    at(0);
    expect(await disk(fillingDiskNode)).toBeGreaterThan(0.7);
    expect(await disk(fillingDiskNode)).toBeLessThan(0.8);
    // The summary carries the last kubelet sample, up to a resolution (15s) behind.
    at(MINUTE + 20_000);
    expect(await disk(fillingDiskNode)).toBeGreaterThan(0.8);
    expect((await condition(fillingDiskNode, 'DiskPressure'))?.status).toBe('False');
    at(3.75 * MINUTE);
    expect(await disk(fillingDiskNode)).toBeGreaterThan(0.9);
    expect((await condition(fillingDiskNode, 'DiskPressure'))?.status).toBe('True');
    at(5 * MINUTE);
    expect(await disk(fillingDiskNode)).toBeLessThan(0.75);
    expect((await condition(fillingDiskNode, 'DiskPressure'))?.status).toBe('False');
  });

  it('leaks a pod’s memory toward its limit until it is OOMKilled and restarts', async () => {
    const pod = sim.cluster.roles.leakingPod;
    const path = `/api/v1/namespaces/${pod?.namespace}/pods/${pod?.name}`;
    const usage = async () => {
      const m = await getJson<{ containers: { usage: { memory: string } }[] }>(
        sim,
        `/apis/metrics.k8s.io/v1beta1/namespaces/${pod?.namespace}/pods/${pod?.name}`,
      );
      return unitValue(m.containers[0]?.usage.memory ?? '0');
    };
    at(0);
    const spec = await getJson<Pod>(sim, path);
    const limit = unitValue(spec.spec.containers[0]?.resources.limits?.memory ?? '0');
    const restarts = spec.status.containerStatuses[0]?.restartCount ?? 0;
    expect(spec.status.containerStatuses[0]?.lastState.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    const start = (await usage()) / limit;
    expect(start).toBeGreaterThan(0.7);
    expect(start).toBeLessThan(0.85);
    at(5 * MINUTE);
    expect((await usage()) / limit).toBeGreaterThan(0.9);
    at(7 * MINUTE);
    const after = await getJson<Pod>(sim, path);
    expect(after.status.containerStatuses[0]?.restartCount).toBe(restarts + 1);
    expect((await usage()) / limit).toBeLessThan(0.6);
  });

  it('keeps a pod in CrashLoopBackOff, restarting it every five minutes', async () => {
    const pod = sim.cluster.roles.crashLoopPod;
    const path = `/api/v1/namespaces/${pod?.namespace}/pods/${pod?.name}`;
    at(0);
    const before = (await getJson<Pod>(sim, path)).status.containerStatuses[0];
    expect(before?.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(before?.lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 1 });
    at(3.5 * MINUTE);
    const running = (await getJson<Pod>(sim, path)).status.containerStatuses[0];
    expect(running?.state.running).toBeDefined();
    expect(running?.restartCount).toBe((before?.restartCount ?? 0) + 1);
    at(4 * MINUTE);
    expect((await getJson<Pod>(sim, path)).status.containerStatuses[0]?.state.waiting?.reason).toBe('CrashLoopBackOff');
  });

  it('runs one node hot enough to cross 90% CPU within five minutes', async () => {
    const hot = sim.cluster.roles.hotNode ?? '';
    const allocatable = milliValue((await getJson<Node>(sim, `/api/v1/nodes/${hot}`)).status.allocatable.cpu);
    const peaks: number[] = [];
    for (let ms = 0; ms <= 5 * MINUTE; ms += 15_000) {
      at(ms);
      const m = await getJson<{ usage: { cpu: string } }>(sim, `/apis/metrics.k8s.io/v1beta1/nodes/${hot}`);
      peaks.push(scaledCeil(m.usage.cpu, 3) / allocatable);
    }
    expect(Math.max(...peaks)).toBeGreaterThan(0.9);
    expect(Math.min(...peaks)).toBeLessThan(0.7);
  });
});

describe('scenarios that test projections and alerts, on a fake clock', () => {
  const clock = manualClock(START);
  let sim: Sim;
  afterEach(() => sim?.stop());
  const at = (ms: number) => clock.set(START + ms);
  const disk = async (node: string) => {
    const { node: stats } = await getJson<{ node: { fs: { availableBytes: number; capacityBytes: number } } }>(
      sim,
      `/api/v1/nodes/${node}/proxy/stats/summary`,
    );
    return 1 - stats.fs.availableBytes / stats.fs.capacityBytes;
  };

  it('diskFill: a node filling at 3% a minute from 85%, under DiskPressure from 90%, freed once full', async () => {
    clock.set(START);
    sim = await startSim({ nodes: 6, podsPerNode: 4, now: clock.now, diskFill: { from: 0.85, perMinute: 0.03 } });
    const node = sim.cluster.roles.fillingDiskNode;
    const pressure = async () =>
      (await getJson<Node>(sim, `/api/v1/nodes/${node}`)).status.conditions.find((c) => c.type === 'DiskPressure')?.status;
    at(0);
    expect(await disk(node)).toBeCloseTo(0.85, 2);
    // The kubelet's figure is its last sample, up to a resolution (15 s) behind.
    at(90_000);
    expect(await disk(node)).toBeGreaterThan(0.88);
    expect(await disk(node)).toBeLessThan(0.895);
    expect(await pressure()).toBe('False');
    at(3 * MINUTE);
    expect(await disk(node)).toBeGreaterThan(0.9);
    expect(await pressure()).toBe('True');
    at(5 * MINUTE);
    expect(await disk(node)).toBeLessThan(0.87);
  });

  it('refuses a fill rate or start that is no share', async () => {
    await expect(startSim({ diskFill: { from: 1.2, perMinute: 0.03 } })).rejects.toThrow(RangeError);
    await expect(startSim({ diskFill: { from: 0.5, perMinute: 0 } })).rejects.toThrow(RangeError);
  });

  it('flapping CPU: one node’s CPU swings across 70% and back many times, never far from it', async () => {
    clock.set(START);
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: clock.now });
    const node = sim.cluster.roles.flappingCpuNode ?? '';
    const allocatable = milliValue((await getJson<Node>(sim, `/api/v1/nodes/${node}`)).status.allocatable.cpu);
    const shares: number[] = [];
    for (let ms = 15_000; ms <= 10 * MINUTE; ms += 15_000) {
      at(ms);
      const m = await getJson<{ usage: { cpu: string } }>(sim, `/apis/metrics.k8s.io/v1beta1/nodes/${node}`);
      shares.push(scaledCeil(m.usage.cpu, 3) / allocatable);
    }
    const crossings = shares.slice(1).filter((v, i) => v >= 0.7 !== (shares[i] as number) >= 0.7).length;
    expect(crossings).toBeGreaterThanOrEqual(8);
    expect(Math.min(...shares)).toBeGreaterThan(0.5);
    expect(Math.max(...shares)).toBeLessThan(0.9);
  });

  it('the NotReady node comes back Ready after two minutes', async () => {
    clock.set(START);
    sim = await startSim({ nodes: 6, podsPerNode: 4, now: clock.now });
    const node = sim.cluster.roles.flappingNode;
    const ready = async () => (await getJson<Node>(sim, `/api/v1/nodes/${node}`)).status.conditions.find((c) => c.type === 'Ready')?.status;
    at(MINUTE);
    expect(await ready()).toBe('True');
    at(2.5 * MINUTE);
    expect(await ready()).toBe('Unknown');
    at(4.5 * MINUTE);
    expect(await ready()).toBe('True');
  });
});
