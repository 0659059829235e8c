// Several simulated clusters at once, and one kubeconfig with a context for each, as an on-call
// engineer's kubeconfig has prod in two regions and staging. Each sim keeps its own faults.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Sim, type SimOptions, startSim } from '../../src/sim/start-sim.js';

export interface FleetSims {
  /** By context name. */
  readonly sims: ReadonlyMap<string, Sim>;
  readonly kubeconfig: string;
  readonly contexts: readonly string[];
  stop(): Promise<void>;
}

/** The kubeconfig of several sims: a cluster, a token user and a context each, named by context. */
export function fleetKubeconfig(sims: ReadonlyMap<string, Sim>, current: string): string {
  const entries = [...sims].map(([name, sim]) => ({ name, sim }));
  // JSON is YAML, and kubectl reads it too.
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: entries.map(({ name, sim }) => ({
      name,
      cluster: { server: sim.url, 'certificate-authority-data': Buffer.from(sim.caPem).toString('base64') },
    })),
    users: entries.map(({ name, sim }) => ({ name: `${name}-user`, user: { token: sim.token } })),
    contexts: entries.map(({ name }) => ({ name, context: { cluster: name, user: `${name}-user` } })),
    'current-context': current,
  });
}

/** Starts a sim per context (in order), writes their kubeconfig into `dir`, current context the first. */
export async function startFleet(dir: string, clusters: Readonly<Record<string, SimOptions>>): Promise<FleetSims> {
  const names = Object.keys(clusters);
  const started = await Promise.all(names.map((name) => startSim({ ...clusters[name], contextName: name })));
  const sims = new Map(names.map((name, i) => [name, started[i] as Sim]));
  const kubeconfig = path.join(dir, 'fleet-kubeconfig');
  writeFileSync(kubeconfig, fleetKubeconfig(sims, names[0] ?? ''), { mode: 0o600 });
  return { sims, kubeconfig, contexts: names, stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
}
