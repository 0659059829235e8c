import type { SimOptions } from '../sim/start-sim.js';

/** `kmon sim`: the simulated cluster on its own, until Ctrl-C. */
export async function runSimFace(options: SimOptions): Promise<number> {
  const { runSimStandalone } = await import('../sim/run-sim-standalone.js');
  await runSimStandalone(options);
  return 0;
}
