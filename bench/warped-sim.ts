// The simulated cluster on a warped clock (time-warp.ts), in a process of its own: prints its
// kubeconfig's path, then serves until SIGTERM.
import { parseArgs } from 'node:util';
import { startSim } from '../src/sim/start-sim.js';
import { warpTime } from './time-warp.js';

const { values } = parseArgs({
  options: { nodes: { type: 'string' }, pods: { type: 'string' }, speed: { type: 'string' }, epoch: { type: 'string' } },
});
warpTime(Number(values.speed), Number(values.epoch));
const sim = await startSim({ nodes: Number(values.nodes), podsPerNode: Number(values.pods), now: () => Date.now() });
process.stdout.write(`kubeconfig: ${sim.kubeconfigPath}\n`);
process.once('SIGTERM', () => void sim.stop().then(() => process.exit(0)));
