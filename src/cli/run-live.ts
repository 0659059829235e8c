import { Collector } from '../collect/collector.js';
import { liveCollector } from '../collect/live-collector.js';
import { WorkerPodMetrics } from '../kube/pod-metrics-thread.js';
import { buildNodeRows } from '../model/node-row.js';
import { buildPodRow } from '../model/pod-row.js';
import { sortRows } from '../model/sort.js';
import { topNodesTable } from '../output/top-nodes.js';
import { topPodsTable } from '../output/top-pods.js';
import { type ClusterFlags, kubeletSettings, namespaceFor, openConnection, targetFor } from './cluster-flags.js';
import { loadConfig } from './config-file.js';
import type { DISPLAY_FLAGS, FlagValues } from './flag-table.js';
import { preferSmallHeap } from './prefer-small-heap.js';
import { detectTerminal, type TerminalCaps } from './terminal-caps.js';
import { type ThresholdFlags, thresholdsFrom } from './threshold-flags.js';
import { warningLines } from './warnings.js';

export type LiveFlags = ClusterFlags & ThresholdFlags & FlagValues<typeof DISPLAY_FLAGS>;

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

/** TERM=dumb or output to a pipe: no live screen, the node and pod tables once. */
async function printOnce(collector: Collector, caps: TerminalCaps, thresholds: ReturnType<typeof thresholdsFrom>): Promise<number> {
  const snapshot = await collector.pollOnce('all');
  const options = { wide: false, noHeaders: false, ascii: !caps.unicode, color: caps.color !== 'none', now: snapshot.takenAt };
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

async function live(flags: LiveFlags): Promise<number> {
  const config = loadConfig(flags.config);
  const thresholds = thresholdsFrom(flags, config.thresholds);
  const caps = detectTerminal(process.env, process.stdout, { color: flags.color, ascii: flags.ascii });
  const target = targetFor(flags);
  // The live screen decodes the big pod metrics list on a worker, so keys never wait for it.
  const connection = openConnection(target, flags, caps.interactive ? new WorkerPodMetrics(target.server) : undefined);
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
  try {
    if (!caps.interactive) return await printOnce(collector, caps, thresholds);
    preferSmallHeap();
    collector.start();
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
    });
  } finally {
    collector.stop();
    connection.close();
  }
}

/** `kmon` and `kmon demo`: the live screen, or the tables once where no live screen can be drawn. */
export function runLive(flags: LiveFlags, options: { demo: boolean }): Promise<number> {
  return withDemoCluster(options.demo, flags, live);
}
