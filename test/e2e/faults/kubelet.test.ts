import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNodeRows } from '../../../src/model/node-row.js';
import { DEFAULT_THRESHOLDS } from '../../../src/model/thresholds.js';
import { NO_FAULTS } from '../../../src/sim/faults.js';
import { type Sim, startSim } from '../../../src/sim/start-sim.js';
import { kmon } from '../../helpers/cli.js';
import { healthy, type Live, problem, startLive, until } from './live-collector.js';

// One kubelet misbehaves: it never answers, answers too much, or answers nonsense. That node's disk
// is unknown and says why; every other node carries on.

let sim: Sim;
let live: Live | null = null;
let bad: string;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 13 });
  bad = sim.cluster.nodeNames[1] ?? '';
});
afterEach(() => {
  live?.stop();
  live = null;
  sim.setFaults(NO_FAULTS);
});
afterAll(() => sim.stop());

function rowOf(l: Live, name: string) {
  return buildNodeRows(l.latest(), DEFAULT_THRESHOLDS).find((r) => r.name === name);
}

async function others(l: Live, since: number): Promise<void> {
  // Every other node's summary is read again after `since`: one bad kubelet holds nothing back.
  await until(() => {
    for (const name of sim.cluster.nodeNames.filter((n) => n !== bad)) {
      expect(l.latest().summaries.get(name)?.fetchedAt).toBeGreaterThan(since);
      expect(problem(l.latest(), 'kubelet', name)).toBeUndefined();
    }
  });
}

describe('one kubelet misbehaves', () => {
  it('never answers: that read times out on its own; polls and other nodes keep their pace', async () => {
    sim.setFaults({ slowKubelet: { node: bad, delayMs: 600_000 } });
    live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250, kubeletTimeoutMs: 800 });
    const l = live;
    await until(() => expect(problem(l.latest(), 'kubelet', bad)?.kind).toBe('timeout'));
    expect(problem(l.latest(), 'kubelet', bad)?.message).toBe(`kubelet on ${bad}: no answer from ${sim.url} within 0.8s`);
    expect(rowOf(l, bad)?.diskUnknown).toBe(problem(l.latest(), 'kubelet', bad)?.message);
    const count = l.count();
    const at = Date.now();
    await others(l, at);
    // Polls keep their 250 ms pace while that kubelet hangs: four more frames well within 3 s.
    await until(() => expect(l.count()).toBeGreaterThanOrEqual(count + 4));
    expect(Date.now() - at).toBeLessThan(3_000);
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it('answers far more than any summary: cut off at 16 MiB, that node’s disk unknown', async () => {
    sim.setFaults({ hugeSummary: bad });
    live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250 });
    const l = live;
    await until(() => expect(problem(l.latest(), 'kubelet', bad)?.message).toBe(`kubelet on ${bad}: answer larger than 16 MiB`), {
      timeout: 10_000,
    });
    expect(rowOf(l, bad)?.disk.percent).toBeNull();
    await others(l, Date.now());
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it.each([
    ['malformedSummary', 'summary is not valid JSON', null],
    ['sparseSummary', null, 'kubelet reported no filesystem stats'],
  ] as const)('%s: that node’s disk is unknown and says why, nothing crashes', async (fault, problemText, unknown) => {
    sim.setFaults({ [fault]: bad });
    live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 250 });
    const l = live;
    await until(() => {
      expect(l.latest().summaries.size + (problem(l.latest(), 'kubelet', bad) ? 1 : 0)).toBe(3);
      expect(rowOf(l, bad)?.diskUnknown).toBe(unknown ?? `kubelet on ${bad}: ${problemText}`);
    });
    expect(rowOf(l, bad)?.disk.percent).toBeNull();
    await others(l, Date.now());
    const ran = await kmon(['top', 'nodes', '-o', 'json', '--kubeconfig', sim.kubeconfigPath]);
    expect(ran.code, ran.stderr).toBe(0);
    const out = JSON.parse(ran.stdout) as { items: { name: string; disk: unknown; diskUnknownReason: string | null }[] };
    const item = out.items.find((i) => i.name === bad);
    expect(item?.disk).toBeNull();
    expect(item?.diskUnknownReason).toContain(unknown ?? problemText);
    sim.setFaults(NO_FAULTS);
    await until(() => expect(healthy(l.latest())).toBe(true));
  });

  it('kmon top nodes while one kubelet hangs: answers within its kubelet timeout, that node’s disk unknown', async () => {
    sim.setFaults({ slowKubelet: { node: bad, delayMs: 600_000 } });
    const started = Date.now();
    const ran = await kmon(['top', 'nodes', '--kubelet-timeout', '1s', '--kubeconfig', sim.kubeconfigPath]);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toBe(`kmon: warning: kubelet on ${bad}: no answer from ${sim.url} within 1s\n`);
    const row = ran.stdout.split('\n').find((line) => line.startsWith(bad)) ?? '';
    expect(row).toContain('<unknown>');
  });
});
