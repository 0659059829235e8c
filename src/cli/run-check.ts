import { Collector } from '../collect/collector.js';
import type { KubeTarget } from '../kube/kubeconfig/kube-target.js';
import type { CheckLevel } from '../model/check-level.js';
import { levelRank } from '../model/levels.js';
import { buildNodeRows } from '../model/node-row.js';
import { buildPodRows } from '../model/pod-row.js';
import { type CheckFinding, checkJson } from '../output/check-json.js';
import { CHECK_EXIT, CHECK_STATE } from './check-exit.js';
import { type ClusterFlags, kubeletSettings, namespaceFor, openConnection, targetFor } from './cluster-flags.js';
import { loadConfig } from './config-file.js';
import { type ThresholdFlags, thresholdsFrom } from './threshold-flags.js';

export type CheckFlags = ClusterFlags & ThresholdFlags & { readonly output?: 'text' | 'json' };

/** One cluster's verdict: the line (or JSON) to print, its exit status, and what a fleet check gathers. */
export interface CheckResult {
  readonly line: string;
  readonly exitCode: number;
  readonly level: CheckLevel;
  readonly alerts: readonly CheckFinding[];
  /** Why the cluster could not be judged, when it could not. */
  readonly error?: string;
}

const SHOWN = 3;

const text = (f: CheckFinding) => `${f.object.replace('/', ' ')}: ${f.message}`;

function result(flags: CheckFlags, level: CheckLevel, line: string, alerts: readonly CheckFinding[], error?: string): CheckResult {
  return { line: flags.output === 'json' ? checkJson({ level, alerts, error }) : line, exitCode: CHECK_EXIT[level], level, alerts, error };
}

/** `kmon check`: nodes and pods against the thresholds; one line and a monitoring plugin's exit status. */
export async function runCheck(flags: CheckFlags, target: KubeTarget = targetFor(flags)): Promise<CheckResult> {
  const thresholds = thresholdsFrom(flags, loadConfig(flags.config).thresholds);
  const connection = openConnection(target, flags);
  const namespace = namespaceFor(flags, null);
  const collector = new Collector({
    reader: connection.client,
    scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace },
    intervalMs: 0,
    selectors: { pods: flags.selector },
    kubelet: kubeletSettings(flags, thresholds),
    keepHistory: false,
    kubeletDeadlineMs: flags.requestTimeout,
  });
  try {
    const snapshot = await collector.pollOnce('all');
    // Without both lists there is nothing to judge: "OK" over an unread list would be a lie.
    const unread = snapshot.problems.find((p) => p.source === 'nodes' || p.source === 'pods');
    if (unread || snapshot.inventoryAt === null) {
      const why = unread?.message ?? 'nodes could not be read';
      return result(flags, 'unknown', `${CHECK_STATE.unknown}: ${why}`, [], why);
    }
    const findings: CheckFinding[] = [
      ...buildNodeRows(snapshot, thresholds).flatMap((r) =>
        r.reasons.map((reason) => ({ level: r.level, object: `node/${r.name}`, message: reason })),
      ),
      ...buildPodRows(snapshot, thresholds, snapshot.takenAt).flatMap((r) =>
        r.reasons.map((reason) => ({ level: r.level, object: `pod/${r.namespace}/${r.name}`, message: reason })),
      ),
    ]
      .filter((f) => f.level !== 'ok')
      .sort((a, b) => levelRank(b.level) - levelRank(a.level));
    const worst = findings[0]?.level ?? 'ok';
    if (worst === 'ok')
      return result(
        flags,
        'ok',
        `${CHECK_STATE.ok}: ${snapshot.nodes.length} nodes, ${snapshot.pods.length} pods, nothing over the thresholds`,
        [],
      );
    const more = findings.length > SHOWN ? ` (+${findings.length - SHOWN} more)` : '';
    return result(flags, worst, `${CHECK_STATE[worst]}: ${findings.slice(0, SHOWN).map(text).join('; ')}${more}`, findings);
  } finally {
    collector.stop();
    connection.close();
  }
}
