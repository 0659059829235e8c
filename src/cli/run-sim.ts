/** `kmon sim`: the simulated cluster on its own, until Ctrl-C. */
export async function runSimFace(options: { nodes: number; podsPerNode: number; seed: number; port?: number }): Promise<number> {
  const { runSimStandalone } = await import('../sim/run-sim-standalone.js');
  await runSimStandalone(options);
  return 0;
}
