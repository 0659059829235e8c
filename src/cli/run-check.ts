import { Collector } from '../collect/collector.js';
import type { KubeTarget } from '../kube/kubeconfig/kube-target.js';
import type { ReportedAlert } from '../model/alert-report.js';
import { lookOnce } from '../model/one-shot-look.js';
import { buildPodRow } from '../model/pod-row.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Thresholds } from '../model/thresholds.js';
import { CHECK_STATE, type CheckLevel, checkJson, checkLine } from '../output/check-report.js';
import { CHECK_EXIT } from './check-exit.js';
import { type ClusterFlags, kubeletSettings, namespaceFor, openConnection, targetFor } from './cluster-flags.js';
import { loadConfig } from './config-file.js';
import { historyFiles, stateDir } from './history/history-files.js';
import { withSavedSamples } from './history/saved-node-samples.js';
import { cacheDir, cacheFiles } from './status/status-cache.js';
import { readMemory } from './status/status-memory.js';
import { type ThresholdFlags, thresholdsFrom } from './threshold-flags.js';

export type CheckFlags = ClusterFlags &
  ThresholdFlags & {
    /** text (one line) or json (every alert). */
    readonly output?: 'text' | 'json';
  };

/** One cluster's verdict: what to print, its exit status, and what a fleet's check gathers of it. */
export interface CheckResult {
  readonly line: string;
  readonly exitCode: number;
  readonly level: CheckLevel;
  readonly alerts: readonly ReportedAlert[];
  /** Why the cluster could not be judged, when it could not. */
  readonly error?: string;
}

/** Pods worth judging: those over a line or in a bad state. */
function alertingPods(snapshot: Snapshot, thresholds: Thresholds) {
  return snapshot.pods.flatMap((pod) => {
    const row = buildPodRow(pod, snapshot, thresholds, snapshot.takenAt);
    return row.level === 'ok' ? [] : [{ pod, row }];
  });
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
    // What kmon status remembers of this cluster dates the alerts and gives nodes a trend; check only reads it.
    const identity = { context: target.context, server: target.server, user: target.userName };
    const memory = readMemory(cacheFiles(cacheDir(), identity).memory, target.server);
    // And what a live screen on this cluster saved: an hour of every node's samples, for trends.
    const remembered = await withSavedSamples(memory, historyFiles(stateDir(), identity).nodes, target.server, snapshot.takenAt);
    const { alerts } = lookOnce(remembered, snapshot, thresholds, alertingPods(snapshot, thresholds), snapshot.takenAt);
    // Without both lists there is nothing to judge: "OK" over an unread list would be a lie.
    const unread = snapshot.problems.find((p) => p.source === 'nodes' || p.source === 'pods');
    if (unread || snapshot.inventoryAt === null) {
      const why = unread?.message ?? 'nodes could not be read';
      const line = flags.output === 'json' ? checkJson('unknown', alerts, why) : `${CHECK_STATE.unknown}: ${why}`;
      return { line, exitCode: CHECK_EXIT.unknown, level: 'unknown', alerts, error: why };
    }
    const level = alerts[0]?.level ?? 'ok';
    const calm = `${snapshot.nodes.length} nodes, ${snapshot.pods.length} pods, nothing over the thresholds`;
    return {
      line: flags.output === 'json' ? checkJson(level, alerts) : checkLine(alerts, snapshot.takenAt, calm),
      exitCode: CHECK_EXIT[level],
      level,
      alerts,
    };
  } finally {
    collector.stop();
    connection.close();
  }
}
