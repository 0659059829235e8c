import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildNodeRows } from '../../src/model/node-row.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { App } from '../../src/ui/components/App.js';
import { makeTheme } from '../../src/ui/theme.js';
import { KEYS, plain, renderAt } from '../helpers/render.js';
import { type Live, startLive, until } from './faults/live-collector.js';

// The measure of done: in the simulated cluster, a node filling at 3% a minute from 85%
// shows FULL between 2 and 6 minutes within 90 s of start, and its detail says "full in". The
// whole path runs (sim → kube → collector → model → screen) on a clock that the test moves: the
// sim and kmon read the same faked Date, 5 s a step, while sockets and timers stay real.

const STEP_MS = 5_000;
let sim: Sim;
let live: Live;
let start = 0;

beforeAll(async () => {
  // Real time to start with, so the sim's certificate is valid for the real TLS stack.
  vi.useFakeTimers({ toFake: ['Date'], now: Math.floor(Date.now() / 1000) * 1000 });
  start = Date.now();
  sim = await startSim({ nodes: 6, podsPerNode: 4, now: () => Date.now(), diskFill: { from: 0.85, perMinute: 0.03 } });
  live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 100 });
  await until(() => expect(live.latest().summaries.size).toBe(6));
});

afterAll(async () => {
  live?.stop();
  await sim?.stop();
  vi.useRealTimers();
});

/** Moves the shared clock on a step and waits for a snapshot with the filling node's disk read since. */
async function step(node: string): Promise<void> {
  vi.setSystemTime(Date.now() + STEP_MS);
  const now = Date.now();
  await until(() => expect(live.latest().summaries.get(node)?.fetchedAt ?? 0).toBeGreaterThanOrEqual(now));
}

describe('time to full, end to end (sim → kmon)', () => {
  it('a node filling at 3%/min from 85% shows FULL between 2 and 6 minutes within 90 s, and its detail says full in', async () => {
    const node = sim.cluster.roles.fillingDiskNode;
    while (Date.now() - start < 90_000) await step(node);
    // The eviction line comes from the kubelet's configz, read a node at a time beside the polls.
    await until(() => expect(live.latest().eviction?.get(node)?.source).toBe('kubelet'));
    const snapshot = live.latest();
    const row = buildNodeRows(snapshot, DEFAULT_THRESHOLDS).find((r) => r.name === node);
    expect(row?.full?.resource).toBe('node fs');
    expect(row?.full?.fullInMs).toBeGreaterThan(2 * 60_000);
    expect(row?.full?.fullInMs).toBeLessThan(6 * 60_000);
    // The eviction line, read from the kubelet's configz: nodefs.available<10%.
    expect(row?.full?.evictionAt).toBe(90);

    const screen = renderAt(
      <App source={live.collector} thresholds={DEFAULT_THRESHOLDS} theme={makeTheme({ color: false, ascii: false })} namespace={null} />,
      120,
      32,
    );
    try {
      await screen.settle();
      const frame = plain(screen.lastFrame());
      const header = frame.split('\n').find((l) => /\bFULL\b/.test(l)) ?? '';
      const line = frame.split('\n').find((l) => l.startsWith(node)) ?? '';
      // The FULL column: "3m ‼" under its title.
      const column = header.indexOf('FULL');
      expect(line.slice(column - 2, column + 6)).toMatch(/\b[2-5]m ‼/);
      await screen.press('/', ...node, KEYS.enter, KEYS.enter);
      const detail = plain(screen.lastFrame());
      expect(detail).toContain(`NODE ${node}`);
      expect(detail).toMatch(/node fs +\d+% +full in [2-5]m \(\+[\d.]+ GiB\/min\)/);
      expect(detail).toMatch(/to eviction at 90%.*\(nodefs\.available<10%, kubelet\)|evicting: past nodefs\.available<10% \(kubelet\)/);
    } finally {
      screen.unmount();
    }
  }, 60_000);
});
