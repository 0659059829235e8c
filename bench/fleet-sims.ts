// Many small simulated clusters in one process of their own (so their work is not counted as
// kmon's), with one kubeconfig naming them all; the last --down of them have their port closed.
// Prints "kubeconfig: PATH" and serves until SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SimOptions } from '../src/sim/start-sim.js';
import { startFleet } from '../test/helpers/fleet-sims.js';

const { values } = parseArgs({ options: { clusters: { type: 'string' }, down: { type: 'string' } } });
const count = Number(values.clusters ?? 20);
const down = Number(values.down ?? 0);
const dir = mkdtempSync(path.join(tmpdir(), 'kmon-bench-fleet-'));
const clusters: Record<string, SimOptions> = {};
for (let i = 1; i <= count; i++) {
  const faults = i > count - down ? { apiserverDown: 'closed' as const } : undefined;
  clusters[`cluster-${String(i).padStart(2, '0')}`] = { nodes: 3, podsPerNode: 5, seed: i, faults };
}
const fleet = await startFleet(dir, clusters);
console.log(`kubeconfig: ${fleet.kubeconfig}`);
process.once('SIGTERM', async () => {
  await fleet.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
