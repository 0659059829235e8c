// The simulated cluster for the soak, in a process of its own so its memory never mixes with what
// the soak measures. One JSON line in on stdin per change: {"faults": {...}} or {"rotateToken": true};
// one JSON line out per answer: first {url, kubeconfig, caPem, token}, then {token} after a rotation.
import { createInterface } from 'node:readline';
import type { Faults } from '../src/sim/faults.js';
import { startSim } from '../src/sim/start-sim.js';

const sim = await startSim({ nodes: 12, podsPerNode: 12, seed: 3, metricResolutionMs: 5_000 });
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
say({ url: sim.url, kubeconfig: sim.kubeconfigPath, caPem: sim.caPem, token: sim.token, nodes: sim.cluster.nodeNames });

for await (const line of createInterface({ input: process.stdin })) {
  const order = JSON.parse(line) as { faults?: Partial<Faults>; rotateToken?: boolean };
  if (order.faults) sim.setFaults(order.faults);
  if (order.rotateToken) say({ token: await sim.rotateToken() });
}
await sim.stop();
