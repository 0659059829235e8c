import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNodeRows } from '../../../src/model/node-row.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../../src/model/thresholds.js';
import { NO_FAULTS } from '../../../src/sim/faults.js';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { dataAge } from '../../../src/ui/header-text.js';
import { kmon } from '../../helpers/cli.js';
import { healthy, type Live, startLive, until } from './live-collector.js';

// Objects that come and go between polls, and clocks that disagree.

let sim: Sim;
let live: Live | null = null;

beforeAll(async () => {
  // Metrics move every second, so histories grow within a test.
  sim = await startSim({ nodes: 4, podsPerNode: 4, seed: 23, metricResolutionMs: 1_000 });
});
afterEach(() => {
  live?.stop();
  live = null;
  sim.setFaults(NO_FAULTS);
});
afterAll(() => sim.stop());

const names = (snapshot: Snapshot) => snapshot.nodes.map((n) => n.name);
const samples = (snapshot: Snapshot, uid: string) => snapshot.history.nodeUsage.read(uid, 0).length;

async function healthyLive(lists: boolean): Promise<Live> {
  live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250, lists });
  const l = live;
  await until(() => expect(healthy(l.latest())).toBe(true));
  return l;
}

describe('nodes and pods that appear and disappear between polls', () => {
  it.each([
    ['watching (the live screen)', false],
    ['listing (the one-shot faces)', true],
  ])('%s: no stale rows, histories freed, a recreated object starts a fresh history under its new UID', async (_, lists) => {
    const l = await healthyLive(lists);
    const [keep, drop] = [sim.cluster.nodeNames[0] ?? '', sim.cluster.nodeNames[2] ?? ''];
    const namespace = 'monitoring';
    await until(() => expect(samples(l.latest(), l.latest().nodes[2]?.uid ?? '')).toBeGreaterThanOrEqual(2));
    const before = l.latest();
    const oldUid = before.nodes.find((n) => n.name === drop)?.uid ?? '';
    const oldPods = new Set(before.pods.filter((p) => p.nodeName === drop || p.namespace === namespace).map((p) => p.uid));
    expect(before.pods.filter((p) => p.namespace === namespace && p.nodeName !== drop).length).toBeGreaterThan(0);

    sim.setFaults({ removed: { nodes: [drop], namespaces: [namespace] } });
    await until(() => {
      const s = l.latest();
      expect(names(s)).not.toContain(drop);
      expect(s.pods.some((p) => oldPods.has(p.uid))).toBe(false);
      expect(s.summaries.has(drop)).toBe(false);
      expect([...s.podUsage.values()].some((u) => u.namespace === namespace)).toBe(false);
    });
    const gone = l.latest();
    expect(gone.history.nodeUsage.read(oldUid, 0)).toEqual([]);
    expect(gone.history.nodeUsage.size).toBe(3);
    expect(gone.history.podUsage.size).toBeLessThanOrEqual(gone.pods.length);
    expect(gone.problems).toEqual([]);
    expect(buildNodeRows(gone, DEFAULT_THRESHOLDS).map((r) => r.name)).toEqual(names(gone));

    sim.setFaults({ removed: { nodes: [], namespaces: [] } });
    await until(() => {
      const s = l.latest();
      expect(names(s)).toContain(drop);
      expect(s.pods.some((p) => p.namespace === namespace)).toBe(true);
      expect(healthy(s)).toBe(true);
    });
    const back = l.latest();
    const newUid = back.nodes.find((n) => n.name === drop)?.uid ?? '';
    expect(newUid).not.toBe(oldUid);
    // One row per object: the old incarnations are gone, not shown beside the new ones.
    expect(new Set(names(back)).size).toBe(back.nodes.length);
    expect(new Set(back.pods.map((p) => `${p.namespace}/${p.name}`)).size).toBe(back.pods.length);
    expect(back.pods.some((p) => oldPods.has(p.uid))).toBe(false);
    // The survivor's history went on; the newcomer's began again.
    const keeper = back.nodes.find((n) => n.name === keep)?.uid ?? '';
    expect(samples(back, newUid)).toBeLessThanOrEqual(2);
    expect(samples(back, keeper)).toBeGreaterThanOrEqual(samples(before, keeper));
    // Both go on recording, each under its own UID.
    const [kept, fresh] = [samples(back, keeper), samples(back, newUid)];
    await until(() => {
      expect(samples(l.latest(), newUid)).toBeGreaterThan(fresh);
      expect(samples(l.latest(), keeper)).toBeGreaterThan(kept);
    });
  });
});

describe('metrics timestamps that disagree with our clock', () => {
  it.each(['future', 'past'] as const)('a day in the %s: figures shown, history kept, ages from our own clock', async (skew) => {
    const l = await healthyLive(false);
    sim.setFaults({ metricsTimestamps: skew });
    const uid = l.latest().nodes[0]?.uid ?? '';
    await until(() => {
      const usage = [...l.latest().nodeUsage.values()][0];
      expect(Math.abs((usage?.timestamp ?? 0) - Date.now())).toBeGreaterThan(23 * 3_600_000);
    });
    const count = samples(l.latest(), uid);
    // New scrapes still add samples, whatever their clock says.
    await until(() => expect(samples(l.latest(), uid)).toBeGreaterThan(count + 1));
    const s = l.latest();
    expect(buildNodeRows(s, DEFAULT_THRESHOLDS).every((r) => r.cpu.percent !== null && r.memory.percent !== null)).toBe(true);
    const age = dataAge(s, Date.now());
    expect(age.stale).toBe(false);
    expect(age.ageMs).toBeLessThan(2_000);
  });

  it('a timestamp that is no time at all: figures shown, the timestamp reported as unknown, nothing breaks', async () => {
    const l = await healthyLive(false);
    sim.setFaults({ metricsTimestamps: 'unparsable' });
    await until(() => expect(Number.isNaN([...l.latest().nodeUsage.values()][0]?.timestamp)).toBe(true));
    const s = l.latest();
    expect(s.problems).toEqual([]);
    expect(buildNodeRows(s, DEFAULT_THRESHOLDS).every((r) => r.cpu.used !== null)).toBe(true);
    const ran = await kmon(['top', 'nodes', '-o', 'json', '--kubeconfig', sim.kubeconfigPath]);
    expect(ran.code, ran.stderr).toBe(0);
    const items = (JSON.parse(ran.stdout) as { items: { metricsTimestamp: string | null; cpu: { usageMillicores: number } }[] }).items;
    expect(items.map((i) => i.metricsTimestamp)).toEqual(items.map(() => null));
    expect(items.every((i) => i.cpu.usageMillicores > 0)).toBe(true);
    const table = await kmon(['top', 'pods', '-A', '--kubeconfig', sim.kubeconfigPath]);
    expect(table.code, table.stderr).toBe(0);
  });
});
