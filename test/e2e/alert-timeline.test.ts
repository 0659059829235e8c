import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AlertState, Transition } from '../../src/model/alerts.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { AlertBook } from '../../src/ui/alert-book.js';
import { type Live, startLive } from './faults/live-collector.js';

// The simulator's scenarios through kmon's alert book, as the live screen keeps it, on a clock the
// test moves 5 s a step (the live screen's poll interval): a CPU flapping across its line, a node
// NotReady for two minutes and back, and a pod leaking memory until it is OOM-killed.

const STEP_MS = 5_000;
const MINUTE = 60_000;
let sim: Sim;
let live: Live;
let start = 0;
let state: AlertState;
/** The same snapshots judged with CPU alerts firing at once (for: 0). */
let atOnce: AlertState;
const raisedWhileLeaking: string[] = [];
/** The flapping node's CPU % as each new metrics sample showed it. */
const flappingCpu = new Map<number, number>();

/**
 * Waits on real time for a check to pass. vi.waitFor would move the faked clock on at each try,
 * and the steps must be exactly 5 s for kmon to read each 15 s scrape once, as it does live.
 */
async function settled(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 15_000) throw new Error('kmon did not catch up with the clock');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  // On the 2-minute grid, where the 15 s scrapes and the 40 s CPU swing line up the same way each run.
  vi.useFakeTimers({ toFake: ['Date'], now: Math.ceil(Date.now() / 120_000) * 120_000 });
  start = Date.now();
  sim = await startSim({ nodes: 6, podsPerNode: 8, now: () => Date.now() });
  live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 100 });
  await settled(() => live.count() > 0 && live.latest().summaries.size === 6);
  const book = new AlertBook(DEFAULT_THRESHOLDS);
  const eager = new AlertBook({ ...DEFAULT_THRESHOLDS, cpu: { ...DEFAULT_THRESHOLDS.cpu, forMs: 0 } });
  const leaking = sim.cluster.roles.leakingPod?.name ?? '';
  // Seven and a half minutes: past the NotReady spell (2 to 4 minutes) and the first OOM kill (6m36s).
  while (Date.now() - start < 7.5 * MINUTE) {
    vi.setSystemTime(Date.now() + STEP_MS);
    const now = Date.now();
    await settled(() => live.latest().takenAt >= now);
    const snapshot = live.latest();
    state = book.observe(snapshot, null);
    atOnce = eager.observe(snapshot, null);
    for (const a of state.firing) if (a.target.name === leaking) raisedWhileLeaking.push(a.message);
    const row = buildNodeRows(snapshot, DEFAULT_THRESHOLDS).find((r) => r.name === sim.cluster.roles.flappingCpuNode);
    if (row?.metricsAt && row.cpu.percent !== null) flappingCpu.set(row.metricsAt, row.cpu.percent);
  }
}, 120_000);

afterAll(async () => {
  live?.stop();
  await sim?.stop();
  vi.useRealTimers();
});

const about = (node: string, kind: string) => (t: Transition) => t.target.name === node && t.kind === kind;

describe('alerts from the simulator’s scenarios (fake clock)', () => {
  it('a CPU flapping across 70% raises fewer alerts with for: 30s, each only after 30 s of looks over the line', () => {
    const node = sim.cluster.roles.flappingCpuNode ?? '';
    const samples = [...flappingCpu.values()];
    const crossings = samples.slice(1).filter((v, i) => v >= 70 !== (samples[i] as number) >= 70).length;
    const raises = (s: AlertState) => s.log.filter(about(node, 'cpu')).filter((t) => t.change === 'raised');
    expect(crossings).toBeGreaterThanOrEqual(6);
    // Nothing waiting, the 2-point clearing line alone cannot hold a swing of 6 points: it flaps.
    expect(raises(atOnce).length).toBeGreaterThanOrEqual(crossings / 3);
    expect(raises(state).length).toBeLessThan(raises(atOnce).length);
    for (const t of raises(state)) expect(t.durationMs).toBeGreaterThanOrEqual(30_000);
  });

  it('the NotReady node: raised when it went, cleared as NotReady → Ready two minutes later', () => {
    const node = sim.cluster.roles.flappingNode;
    const changes = state.log.filter(about(node, 'condition')).reverse();
    expect(changes.map((t) => t.change)).toEqual(['raised', 'cleared']);
    const [raised, cleared] = changes as [Transition, Transition];
    expect(raised.at - start).toBeGreaterThanOrEqual(2 * MINUTE);
    expect(raised.at - start).toBeLessThan(3 * MINUTE);
    expect(cleared.message).toBe('NotReady → Ready');
    expect(cleared.durationMs).toBeGreaterThan(1.5 * MINUTE);
    expect(cleared.durationMs).toBeLessThan(2.5 * MINUTE);
  });

  it('the leaking pod: OOM projected before the kill, then the kill logged once with its container', () => {
    const pod = sim.cluster.roles.leakingPod?.name ?? '';
    expect(raisedWhileLeaking.some((m) => /^OOM in \d+m/.test(m))).toBe(true);
    const kills = state.log.filter((t) => t.target.name === pod && t.change === 'oom-killed');
    // The kill at 6m36s, and the one before the sim started (still within the hour pods report).
    expect(kills.filter((t) => t.at >= start)).toHaveLength(1);
    expect(kills[0]?.message).toMatch(/OOMKilled, \d+ restarts$/);
  });
});
