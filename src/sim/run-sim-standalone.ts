import type { EventEmitter } from 'node:events';
import { type SimOptions, startSim } from './start-sim.js';

export interface StandaloneIo {
  readonly out: NodeJS.WritableStream;
  /** Where SIGINT and SIGTERM arrive; the process by default. */
  readonly signals: EventEmitter;
}

/** `kmon sim`: serve until SIGINT or SIGTERM, print where the kubeconfig is, then stop cleanly. */
export async function runSimStandalone(
  options: SimOptions = {},
  io: StandaloneIo = { out: process.stdout, signals: process },
): Promise<void> {
  const sim = await startSim(options);
  const pods = sim.cluster.pods().length;
  io.out.write(
    `kmon sim: ${sim.cluster.nodeNames.length} nodes, ${pods} pods at ${sim.url}\n` +
      `kubeconfig: ${sim.kubeconfigPath}\n` +
      `export KUBECONFIG=${sim.kubeconfigPath}\n` +
      'Ctrl-C stops it.\n',
  );
  await new Promise<void>((resolve) => {
    const done = () => {
      io.signals.off('SIGINT', done);
      io.signals.off('SIGTERM', done);
      resolve();
    };
    io.signals.on('SIGINT', done);
    io.signals.on('SIGTERM', done);
  });
  await sim.stop();
}
