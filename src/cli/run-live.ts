import { Collector } from '../collect/collector.js';
import { liveCollector } from '../collect/live-collector.js';
import { PrometheusBackfill } from '../collect/prometheus-backfill.js';
import type { Connection } from '../kube/connect.js';
import { connectPrometheus } from '../kube/prometheus/connect-prometheus.js';
import { buildNodeRows } from '../model/node-row.js';
import { buildPodRow } from '../model/pod-row.js';
import { sortRows } from '../model/sort.js';
import { topNodesTable } from '../output/top-nodes.js';
import { topPodsTable } from '../output/top-pods.js';
import { type ClusterFlags, kubeletSettings, namespaceFor, openConnection, targetFor } from './cluster-flags.js';
import { type KmonConfig, loadConfig } from './config-file.js';
import type { DISPLAY_FLAGS, FlagValues, HISTORY_FLAGS } from './flag-table.js';
import { historyFiles, stateDir } from './history/history-files.js';
import { SavedHistory } from './history/saved-history.js';
import { preferSmallHeap } from './prefer-small-heap.js';
import { recordTo } from './record/recording-output.js';
import { detectTerminal, type TerminalCaps } from './terminal-caps.js';
import { type ThresholdFlags, thresholdsFrom } from './threshold-flags.js';
import { warningLines } from './warnings.js';

export type LiveFlags = ClusterFlags & ThresholdFlags & FlagValues<typeof DISPLAY_FLAGS> & FlagValues<typeof HISTORY_FLAGS>;

async function withDemoCluster<T>(demo: boolean, flags: LiveFlags, run: (flags: LiveFlags) => Promise<T>): Promise<T> {
  if (!demo) return run(flags);
  const { startSim } = await import('../sim/start-sim.js');
  // Metrics move every 5 s in the demo (metrics-server's default is 15 s) so a first look sees motion.
  const sim = await startSim({ nodes: 8, podsPerNode: 9, metricResolutionMs: 5_000 });
  try {
    return await run({ ...flags, kubeconfig: sim.kubeconfigPath, context: sim.contextName });
  } finally {
    await sim.stop();
  }
}

/**
 * The width the tables must fit, as the live screen would: a terminal's own (TERM=dumb), else
 * COLUMNS, else 80. Output to a pipe is cut only when COLUMNS asks for it.
 */
function tableWidth(stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number | undefined {
  const columns = Number(env.COLUMNS) > 0 ? Number(env.COLUMNS) : undefined;
  if (!stdout.isTTY) return columns;
  return stdout.columns || columns || 80;
}

/** TERM=dumb or output to a pipe: no live screen, the node and pod tables once. */
async function printOnce(collector: Collector, caps: TerminalCaps, thresholds: ReturnType<typeof thresholdsFrom>): Promise<number> {
  const snapshot = await collector.pollOnce('all');
  const options = {
    wide: false,
    noHeaders: false,
    ascii: !caps.unicode,
    color: caps.color !== 'none',
    now: snapshot.takenAt,
    maxWidth: tableWidth(process.stdout, process.env),
  };
  const nodes = sortRows(buildNodeRows(snapshot, thresholds), [{ value: (r) => r.name, descending: false }]);
  const pods = snapshot.pods.map((pod) => ({
    namespace: pod.namespace,
    name: pod.name,
    usage: snapshot.podUsage.get(pod.namespace, pod.name) ?? null,
    row: buildPodRow(pod, snapshot, thresholds, snapshot.takenAt),
  }));
  process.stdout.write(topNodesTable(nodes, options));
  process.stdout.write('\n');
  process.stdout.write(
    topPodsTable(pods, { ...options, wide: true, allNamespaces: snapshot.scope.namespace === null, containers: false, sum: false }),
  );
  for (const line of warningLines(snapshot.problems)) process.stderr.write(`${line}\n`);
  return snapshot.inventoryAt === null ? 1 : 0;
}

/** The recent past from Prometheus (--prometheus, or prometheus: in the config file), for a screen that stays open. */
function prometheusBackfill(flags: LiveFlags, config: KmonConfig, collector: Collector, connection: Connection): PrometheusBackfill | null {
  const target = flags.prometheus ?? config.prometheus?.target;
  if (!target) return null;
  const reader = connectPrometheus(target, connection.client, flags.requestTimeout);
  return new PrometheusBackfill(collector, { reader, windowMs: flags.prometheusWindow ?? config.prometheus?.windowMs });
}

/** The history kept on disk between runs, per context and server, unless --no-save-history or `history: { save: false }`. */
function savedHistory(
  flags: LiveFlags,
  config: KmonConfig,
  collector: Collector,
  scope: { context: string; server: string },
): SavedHistory | null {
  if (flags.saveHistory === false || !config.history.save) return null;
  return new SavedHistory(collector.histories(), {
    files: historyFiles(stateDir(), scope),
    server: scope.server,
    maxBytes: config.history.maxBytes,
  });
}

async function live(flags: LiveFlags): Promise<number> {
  const config = loadConfig(flags.config);
  const thresholds = thresholdsFrom(flags, config.thresholds);
  const caps = detectTerminal(process.env, process.stdout, { color: flags.color, ascii: flags.ascii }, process.stdin);
  const target = targetFor(flags);
  const connection = openConnection(target, flags);
  const namespace = namespaceFor(flags, null);
  const options = {
    reader: connection.client,
    scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace },
    intervalMs: flags.interval ?? config.intervalMs ?? 5_000,
    selectors: { pods: flags.selector },
    kubelet: kubeletSettings(flags, thresholds),
    kubeletDeadlineMs: flags.requestTimeout,
  };
  const collector = caps.interactive ? liveCollector(options) : new Collector({ ...options, keepHistory: false });
  const backfill = caps.interactive ? prometheusBackfill(flags, config, collector, connection) : null;
  const saved = caps.interactive ? savedHistory(flags, config, collector, options.scope) : null;
  let recorder: Awaited<ReturnType<typeof recordTo>> | null = null;
  try {
    if (!caps.interactive) return await printOnce(collector, caps, thresholds);
    preferSmallHeap();
    // --record FILE: what the screen shows goes to FILE too, from the first frame.
    recorder = flags.record ? await recordTo(flags.record, collector, options.scope) : null;
    backfill?.start();
    collector.start();
    // The last run's history, merged under the first samples as soon as the lists are in.
    void saved?.attach(collector);
    saved?.start();
    // Ink holds frames back while CI is set; someone at a terminal (or tmux under CI) wants them.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
    const [{ runApp }, { makeTheme }] = await Promise.all([import('../ui/run-app.js'), import('../ui/theme.js')]);
    return await runApp({
      source: collector,
      thresholds,
      theme: makeTheme({ color: caps.color !== 'none', ascii: !caps.unicode }),
      namespace,
      altScreen: flags.altScreen !== false,
      onVisibleNodes: (names) => collector.prioritizeNodes(names),
      onDetail: backfill ? (pane, uid) => backfill.detail(pane, uid) : undefined,
    });
  } finally {
    backfill?.stop();
    collector.stop();
    await recorder?.stop();
    await saved?.stop();
    connection.close();
  }
}

/** `kmon` and `kmon demo`: the live screen, or the tables once where no live screen can be drawn. */
export function runLive(flags: LiveFlags, options: { demo: boolean }): Promise<number> {
  // The demo's cluster is new each time, on a new port: nothing of its history is worth keeping.
  return withDemoCluster(options.demo, options.demo ? { ...flags, saveHistory: false } : flags, live);
}
