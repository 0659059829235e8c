import { Collector } from '../collect/collector.js';
import { levelRank } from '../model/levels.js';
import { buildNodeRows } from '../model/node-row.js';
import { buildPodRows } from '../model/pod-row.js';
import { CHECK_EXIT, CHECK_STATE } from './check-exit.js';
import { type ClusterFlags, kubeletSettings, namespaceFor, openConnection, targetFor } from './cluster-flags.js';
import { loadConfig } from './config-file.js';
import { type ThresholdFlags, thresholdsFrom } from './threshold-flags.js';

export type CheckFlags = ClusterFlags & ThresholdFlags;

const SHOWN = 3;

/** `kmon check`: nodes and pods against the thresholds; one line and a monitoring plugin's exit status. */
export async function runCheck(flags: CheckFlags): Promise<{ line: string; exitCode: number }> {
  const thresholds = thresholdsFrom(flags, loadConfig(flags.config).thresholds);
  const target = targetFor(flags);
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
      return { line: `${CHECK_STATE.unknown}: ${unread?.message ?? 'nodes could not be read'}`, exitCode: CHECK_EXIT.unknown };
    }
    const findings = [
      ...buildNodeRows(snapshot, thresholds).flatMap((r) =>
        r.reasons.map((reason) => ({ level: r.level, text: `node ${r.name}: ${reason}` })),
      ),
      ...buildPodRows(snapshot, thresholds, snapshot.takenAt).flatMap((r) =>
        r.reasons.map((reason) => ({ level: r.level, text: `pod ${r.namespace}/${r.name}: ${reason}` })),
      ),
    ]
      .filter((f) => f.level !== 'ok')
      .sort((a, b) => levelRank(b.level) - levelRank(a.level));
    const worst = findings[0]?.level ?? 'ok';
    if (worst === 'ok')
      return {
        line: `${CHECK_STATE.ok}: ${snapshot.nodes.length} nodes, ${snapshot.pods.length} pods, nothing over the thresholds`,
        exitCode: CHECK_EXIT.ok,
      };
    const more = findings.length > SHOWN ? ` (+${findings.length - SHOWN} more)` : '';
    return {
      line: `${CHECK_STATE[worst]}: ${findings
        .slice(0, SHOWN)
        .map((f) => f.text)
        .join('; ')}${more}`,
      exitCode: CHECK_EXIT[worst],
    };
  } finally {
    collector.stop();
    connection.close();
  }
}
