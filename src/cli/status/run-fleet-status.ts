import type { KubeTarget } from '../../kube/kubeconfig/kube-target.js';
import type { FleetTarget } from '../../kube/kubeconfig/resolve-targets.js';
import { type FleetStatus, fleetStatusLine } from '../../output/fleet-status-line.js';
import { unreadStatus } from '../../output/status-data.js';
import type { StatusData, StatusOptions } from '../../output/status-line.js';
import { oneLine } from '../run-face.js';
import { cacheDir, cacheFiles, writeAtomically } from './status-cache.js';

/** One cluster's line data, as `kmon status` reads it for one context (its cache, its timeout). */
export type ReadCluster = (target: KubeTarget, inline: boolean) => Promise<StatusData>;

export interface FleetStatusRun {
  readonly targets: readonly FleetTarget[];
  readonly read: ReadCluster;
  readonly options: StatusOptions;
  /** --watch: rewrite the ready-made lines this often. */
  readonly watchMs?: number;
  /** How the run named its clusters, for the files --watch writes: every context, or those given. */
  readonly named: 'all' | readonly string[];
}

/** A cluster that could not be read at all: its kubeconfig entry or credentials are broken. */
const unreadable = (context: string, why: string) => unreadStatus(context, why, 'bad context');

/** Every cluster at once, each within its own --timeout, so a slow one costs no more than one. */
function readAll(run: FleetStatusRun, inline: boolean): Promise<FleetStatus[]> {
  return Promise.all(
    run.targets.map(async ({ context, target, error }) => ({
      context,
      data: target ? await run.read(target, inline).catch((e: unknown) => unreadable(context, oneLine(e))) : unreadable(context, error),
    })),
  );
}

/**
 * `kmon status` for several contexts: one line with a short part per cluster, worst first. With
 * --watch the ready-made lines are kept under a name for the set of clusters, as for one context.
 */
export async function runFleetStatus(run: FleetStatusRun): Promise<number> {
  const line = (clusters: readonly FleetStatus[], format: StatusOptions['format']) => fleetStatusLine(clusters, { ...run.options, format });
  if (run.watchMs === undefined) {
    process.stdout.write(`${await line(await readAll(run, false), run.options.format)}\n`);
    return 0;
  }
  const name = run.named === 'all' ? 'all-contexts' : run.named.join('+');
  const files = cacheFiles(cacheDir(), { context: name, server: '', user: '' });
  process.stderr.write(`kmon status: writing ${files.tmux} and ${files.text} every ${run.watchMs / 1000}s\n`);
  for (;;) {
    const clusters = await readAll(run, true);
    writeAtomically(files.tmux, `${await line(clusters, 'tmux')}\n`);
    writeAtomically(files.text, `${await line(clusters, 'plain')}\n`);
    process.stdout.write(`${await line(clusters, run.options.format)}\n`);
    await new Promise((resolve) => setTimeout(resolve, run.watchMs));
  }
}
