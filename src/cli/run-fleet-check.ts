import type { FleetTarget } from '../kube/kubeconfig/resolve-targets.js';
import { checkRank, worstCheckLevel } from '../model/check-level.js';
import { CHECK_STATE, type ClusterCheck, clusterCheckText, fleetCheckJson } from '../output/check-report.js';
import { CHECK_EXIT } from './check-exit.js';
import { fleetTargets } from './cluster-flags.js';
import { loadConfig } from './config-file.js';
import { type CheckFlags, runCheck } from './run-check.js';
import { oneLine } from './run-face.js';
import { thresholdsFrom } from './threshold-flags.js';

/** A cluster that could not be judged: its kubeconfig entry, credentials or apiserver failed it. */
const unknown = (target: FleetTarget, why: string): ClusterCheck => ({
  context: target.context,
  server: target.target?.server ?? '',
  level: 'unknown',
  alerts: [],
  error: why,
});

async function checkOne(flags: CheckFlags, target: FleetTarget): Promise<ClusterCheck> {
  if (!target.target) return unknown(target, target.error);
  try {
    const { level, alerts, error } = await runCheck({ ...flags, output: 'text' }, target.target);
    return { context: target.context, server: target.target.server, level, alerts, error };
  } catch (e) {
    return unknown(target, oneLine(e));
  }
}

/**
 * `kmon check` over several contexts, each read at once on a connection of its own: one line with
 * every cluster, worst first, and the worst level as the exit status, CRITICAL above UNKNOWN (a
 * cluster that could not be read) above WARNING, as Nagios aggregators rank them.
 */
export async function runFleetCheck(flags: CheckFlags, targets: readonly FleetTarget[]): Promise<{ line: string; exitCode: number }> {
  // Bad thresholds or config are the command line's mistake, not any one cluster's.
  thresholdsFrom(flags, loadConfig(flags.config).thresholds);
  const clusters = (await Promise.all(targets.map((t) => checkOne(flags, t)))).sort((a, b) => checkRank(b.level) - checkRank(a.level));
  const level = worstCheckLevel(clusters.map((c) => c.level));
  const line =
    flags.output === 'json'
      ? fleetCheckJson(level, clusters)
      : `${CHECK_STATE[level]}: ${clusters.length} clusters: ${clusters.map(clusterCheckText).join('; ')}`;
  return { line, exitCode: CHECK_EXIT[level] };
}

/** `kmon check`: one cluster as it always was, or a fleet (--context repeated, --all-contexts). */
export async function runChecks(flags: CheckFlags): Promise<{ line: string; exitCode: number }> {
  const fleet = fleetTargets(flags);
  return fleet ? runFleetCheck(flags, fleet) : runCheck(flags);
}
