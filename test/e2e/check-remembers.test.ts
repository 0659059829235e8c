import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { kmon } from '../helpers/cli.js';
import { cacheHome, PLAIN_ENV, status } from '../helpers/status-run.js';
import { manualClock } from '../sim/sim-http.js';

// kmon status remembers each alert's start and each node's recent samples between runs; its line
// and kmon check (which only reads that memory) then say how long a problem has lasted and when a
// filling disk is full. The sim's clock moves 20 s between runs: its disk fills 1% a run.

const clock = manualClock(Date.now());
let sim: Sim;
const cache = cacheHome();
let afterFirstRun = 0;

beforeAll(async () => {
  sim = await startSim({ nodes: 6, podsPerNode: 4, now: clock.now, diskFill: { from: 0.85, perMinute: 0.03 } });
  for (let run = 0; run < 5; run++) {
    // --refresh-disk reads every kubelet in this run, as the background refresh does every 5 minutes.
    const ran = await status(sim.kubeconfigPath, cache, ['--format', 'plain', '--refresh-disk', '--max-width', '400']);
    expect(ran.code, ran.stderr).toBe(0);
    if (run === 0) afterFirstRun = Date.now();
    clock.advance(20_000);
  }
}, 60_000);
afterAll(() => sim?.stop());

interface CheckAlert {
  readonly kind: string;
  readonly object: string;
  readonly message: string;
  readonly since: string;
  readonly fullInSeconds: number | null;
}

describe('what kmon status remembers', () => {
  it('kmon check -o json projects the filling disk full from the samples status kept', async () => {
    const ran = await kmon(['check', '--kubeconfig', sim.kubeconfigPath, '-o', 'json'], { ...PLAIN_ENV, XDG_CACHE_HOME: cache });
    const { alerts } = JSON.parse(ran.stdout) as { alerts: CheckAlert[] };
    const filling = `node/${sim.cluster.roles.fillingDiskNode}`;
    const full = alerts.find((a) => a.kind === 'full' && a.object === filling);
    expect(full?.message).toMatch(/^node fs full in \dm \(\+[\d.]+ GiB\/min\)$/);
    expect(full?.fullInSeconds).toBeGreaterThan(60);
    expect(full?.fullInSeconds).toBeLessThan(10 * 60);
    // The disk alert dates from status's first run, not from this look.
    const disk = alerts.find((a) => a.kind === 'disk' && a.object === filling);
    expect(Date.parse(disk?.since ?? '')).toBeLessThanOrEqual(afterFirstRun);
  });

  it('the status line says when the disk is full', async () => {
    const ran = await status(sim.kubeconfigPath, cache, ['--format', 'plain', '--max-width', '400']);
    // Its age shows from a minute on; these runs took seconds.
    expect(ran.stdout).toMatch(new RegExp(`disk [!‼] ${sim.cluster.roles.fillingDiskNode} \\d+% (\\S+ · )?full \\dm`));
  });
});
