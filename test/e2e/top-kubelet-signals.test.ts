import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { kmon, tableRows } from '../helpers/cli.js';
import { PLAIN_ENV } from '../helpers/status-run.js';

// kmon top's JSON and wide tables with what the kubelet knows, against the simulated cluster: null
// where a kubelet does not report a figure, THR from two cAdvisor reads with --throttling, network
// rates from two summaries with --network.

let sim: Sim;

beforeAll(async () => {
  // Counters move on with each sample, every 2 s here: a second read finds them moved.
  sim = await startSim({ nodes: 8, podsPerNode: 9, metricResolutionMs: 2_000 });
});
afterAll(() => sim?.stop());

const top = (...args: string[]) => kmon(['top', ...args, '--kubeconfig', sim.kubeconfigPath], PLAIN_ENV, 60_000);

interface NodeItem {
  name: string;
  psi: Record<'cpu' | 'memory' | 'io', { someAvg10: number; fullAvg10: number | null } | null> | null;
  inodes: { used: number; capacity: number; percent: number; level: string } | null;
  pids: { used: number; max: number; percent: number; level: string } | null;
  network: { rxBytesPerSecond: number; txBytesPerSecond: number } | null;
}
interface PodItem {
  namespace: string;
  name: string;
  cpu: { throttledPercent: number | null };
  ephemeral: { usedBytes: number; limitBytes: number | null; percent: number | null; level: string } | null;
}

describe("kmon top with the kubelet's figures", () => {
  it('top nodes -o json --network: psi (null where not reported), inodes, pids and network rates', async () => {
    const ran = await top('nodes', '-o', 'json', '--network');
    expect(ran.code, ran.stderr).toBe(0);
    const items = (JSON.parse(ran.stdout) as { items: NodeItem[] }).items;
    for (const item of items) {
      if (sim.cluster.roles.nodesWithoutPsi.includes(item.name)) expect(item.psi, item.name).toBeNull();
      else expect(Object.keys(item.psi ?? {}).sort(), item.name).toEqual(['cpu', 'io', 'memory']);
      expect(item.pids?.max).toBeGreaterThan(item.pids?.used ?? Number.POSITIVE_INFINITY);
      expect(item.network?.rxBytesPerSecond, item.name).toBeGreaterThan(0);
    }
    const inodes = items.find((i) => i.name === sim.cluster.roles.inodesNode);
    expect(inodes?.inodes).toMatchObject({ percent: 93, level: 'crit' });
  });

  it('top nodes -o wide: PSI(%), INODES(%), PIDS(%), and NET with --network; ALERTS names the inodes', async () => {
    const plain = await top('nodes', '-o', 'wide');
    expect(plain.stdout.split('\n')[0]).toMatch(/PSI\(%\)\s+INODES\(%\)\s+PIDS\(%\)\s+STATUS/);
    const ran = await top('nodes', '-o', 'wide', '--network');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.split('\n')[0]).toMatch(/PSI\(%\)\s+INODES\(%\)\s+PIDS\(%\)\s+NET\(rx\/tx\)/);
    const line = ran.stdout.split('\n').find((l) => l.startsWith(sim.cluster.roles.inodesNode ?? '?')) ?? '';
    expect(line).toMatch(/<none>\s+93%/);
    expect(line).toMatch(/‼ inodes 93%/);
  });

  it('top nodes --network: the rates in the plain table too, since they cost a second read', async () => {
    const ran = await top('nodes', '--network');
    expect(ran.code, ran.stderr).toBe(0);
    const [header, first] = ran.stdout.split('\n');
    expect(header).toMatch(/DISK\(%\)\s+NET\(rx\/tx\)\s+ALERTS/);
    expect(first).toMatch(/\d+(\.\d+)?[KMG]?\/\d+(\.\d+)?[KMG]?/);
  });

  it('top pods -o json --throttling: THR from two cAdvisor reads, ephemeral storage against the limit', async () => {
    const throttled = sim.cluster.roles.throttledPod;
    const hog = sim.cluster.roles.diskHogPod;
    const ran = await top('pods', '-A', '-o', 'json', '--throttling');
    expect(ran.code, ran.stderr).toBe(0);
    const items = (JSON.parse(ran.stdout) as { items: PodItem[] }).items;
    const pod = (ref: { namespace: string; name: string } | null) =>
      items.find((i) => i.namespace === ref?.namespace && i.name === ref?.name);
    expect(pod(throttled)?.cpu.throttledPercent).toBeGreaterThanOrEqual(35);
    expect(pod(throttled)?.cpu.throttledPercent).toBeLessThanOrEqual(45);
    expect(pod(hog)?.ephemeral).toMatchObject({ limitBytes: 2 ** 31, level: 'crit' });
    expect(pod(hog)?.ephemeral?.percent).toBeCloseTo(92, 0);
    // no CPU limit: never throttled, so no figure
    expect(items.filter((i) => i.name.startsWith('image-resizer-')).every((i) => i.cpu.throttledPercent === null)).toBe(true);
  });

  it('top pods --throttling: a THR(%) column in the plain table', async () => {
    const throttled = sim.cluster.roles.throttledPod;
    const ran = await top('pods', '-n', throttled?.namespace ?? '', '--throttling');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s+THR\(%\)$/);
    const row = tableRows(ran.stdout).find((r) => r[0] === throttled?.name);
    expect(Number.parseInt(row?.[3] ?? '', 10)).toBeGreaterThanOrEqual(35);
  });
});
