import { Collector } from '../collect/collector.js';
import { Fleet, type OpenedCluster } from '../collect/fleet.js';
import { liveCollector } from '../collect/live-collector.js';
import { PrometheusBackfill } from '../collect/prometheus-backfill.js';
import type { Connection } from '../kube/connect.js';
import type { KubeTarget } from '../kube/kubeconfig/kube-target.js';
import type { FleetTarget } from '../kube/kubeconfig/resolve-targets.js';
import { SizedPodMetrics } from '../kube/pod-metrics-choice.js';
import { WorkerPodMetrics } from '../kube/pod-metrics-thread.js';
import { connectPrometheus } from '../kube/prometheus/connect-prometheus.js';
import { buildNodeRows } from '../model/node-row.js';
import { buildPodRow } from '../model/pod-row.js';
import { sortRows } from '../model/sort.js';
import { topNodesTable } from '../output/top-nodes.js';
import { topPodsTable } from '../output/top-pods.js';
import {
  type ClusterFlags,
  contextNames,
  fleetTargets,
  kubeletSettings,
  namespaceFor,
  openConnection,
  targetFor,
} from './cluster-flags.js';
import { type KmonConfig, loadConfig } from './config-file.js';
import type { DISPLAY_FLAGS, FlagValues, HISTORY_FLAGS } from './flag-table.js';
import { HeapPreference } from './heap-preference.js';
import { historyFiles, stateDir } from './history/history-files.js';
import { SavedHistory } from './history/saved-history.js';
import { recordTo } from './record/recording-output.js';
import { detectTerminal, type TerminalCaps } from './terminal-caps.js';
import { type ThresholdFlags, thresholdsFrom } from './threshold-flags.js';
import { UsageError } from './usage-error.js';
import { warningLines } from './warnings.js';

export type LiveFlags = ClusterFlags & ThresholdFlags & FlagValues<typeof DISPLAY_FLAGS> & FlagValues<typeof HISTORY_FLAGS>;

async function withDemoCluster<T>(demo: boolean, flags: LiveFlags, run: (flags: LiveFlags) => Promise<T>): Promise<T> {
  if (!demo) return run(flags);
  const { startSim } = await import('../sim/start-sim.js');
  // Metrics move every 5 s in the demo (metrics-server's default is 15 s) so a first look sees motion.
  const sim = await startSim({ nodes: 8, podsPerNode: 9, metricResolutionMs: 5_000 });
  try {
    return await run({ ...flags, kubeconfig: sim.kubeconfigPath, context: [sim.contextName], allContexts: false });
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

// Clusters of a fleet that are not on screen keep their watches and poll this often.
const BACKGROUND_MS = 15_000;

interface Setup {
  readonly flags: LiveFlags;
  readonly config: KmonConfig;
  readonly thresholds: ReturnType<typeof thresholdsFrom>;
  readonly namespace: string | null;
  readonly intervalMs: number;
  readonly backgroundMs: number;
  /** The clusters named (several --context, or --all-contexts); null for a run about one cluster. */
  readonly fleet: readonly FleetTarget[] | null;
  /** The context --prometheus speaks for: one Prometheus holds one cluster's past. */
  readonly prometheusContext: string | null;
  /** Each cluster's Prometheus backfill, by context, for the details opened on its screen. */
  readonly backfills: Map<string, PrometheusBackfill>;
  /** Final saves of the clusters let go of, awaited before kmon exits. */
  readonly closing: Promise<void>[];
  readonly heap: HeapPreference;
}

function collectorOptions(target: KubeTarget, reader: ReturnType<typeof openConnection>['client'], setup: Setup) {
  const { flags, thresholds, namespace, intervalMs } = setup;
  return {
    reader,
    scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace },
    intervalMs,
    selectors: { pods: flags.selector },
    kubelet: kubeletSettings(flags, thresholds),
    kubeletDeadlineMs: flags.requestTimeout,
  };
}

/** The recent past from Prometheus (--prometheus, or prometheus: in the config file), for a screen that stays open. */
function prometheusBackfill(setup: Setup, collector: Collector, connection: Connection): PrometheusBackfill | null {
  const { flags, config } = setup;
  const target = flags.prometheus ?? config.prometheus?.target;
  if (!target) return null;
  const reader = connectPrometheus(target, connection.client, flags.requestTimeout);
  return new PrometheusBackfill(collector, { reader, windowMs: flags.prometheusWindow ?? config.prometheus?.windowMs });
}

/** The history kept on disk between runs, per context and server, unless --no-save-history or `history: { save: false }`. */
function savedHistory(setup: Setup, collector: Collector, target: KubeTarget): SavedHistory | null {
  const { flags, config } = setup;
  if (flags.saveHistory === false || !config.history.save) return null;
  const scope = { context: target.context, server: target.server };
  return new SavedHistory(collector.histories(), {
    files: historyFiles(stateDir(), scope),
    server: scope.server,
    maxBytes: config.history.maxBytes,
  });
}

/**
 * One cluster of the live screen: its own connection (limiter, credentials) and collector, its
 * history kept on disk, and, for the context --prometheus names, its past from Prometheus.
 */
function openCluster(target: KubeTarget, setup: Setup): OpenedCluster {
  // The live screen decodes a big pod metrics list on a worker, so keys never wait for it.
  const connection = openConnection(target, setup.flags, new SizedPodMetrics(new WorkerPodMetrics(target.server)));
  const collector = liveCollector(collectorOptions(target, connection.client, setup));
  const backfill = target.context === setup.prometheusContext ? prometheusBackfill(setup, collector, connection) : null;
  const saved = savedHistory(setup, collector, target);
  if (backfill) setup.backfills.set(target.context, backfill);
  // The last run's history, merged under the first samples as soon as the lists are in.
  void saved?.attach(collector);
  backfill?.start();
  saved?.start();
  const counted = collector.subscribe((snapshot) => setup.heap.count(target.context, snapshot.pods.length));
  return {
    server: target.server,
    collector,
    close: () => {
      counted();
      setup.heap.count(target.context, 0);
      backfill?.stop();
      setup.backfills.delete(target.context);
      if (saved) setup.closing.push(saved.stop());
      connection.close();
    },
  };
}

/**
 * The clusters the screen watches: the fleet named on the command line, or one cluster, which the
 * context picker then replaces. A context's target is read from the kubeconfig as it is opened.
 */
function fleetFor(flags: LiveFlags, setup: Setup): Fleet {
  const targets = setup.fleet;
  const known = new Map<string, KubeTarget>();
  const targetOf = (context: string) => known.get(context) ?? targetFor({ ...flags, context: [context], allContexts: false });
  const options = { contexts: contextNames(flags), intervalMs: setup.intervalMs, backgroundMs: setup.backgroundMs };
  if (targets) {
    for (const t of targets) if (t.target) known.set(t.context, t.target);
    return new Fleet({ ...options, initial: targets, open: (context) => openCluster(targetOf(context), setup), keep: true });
  }
  // One cluster: a mistake in its kubeconfig entry stops kmon at once, as it always has.
  const target = targetFor(flags);
  known.set(target.context, target);
  let first: OpenedCluster | null = openCluster(target, setup);
  const open = (context: string) => {
    const opened = first ?? openCluster(targetOf(context), setup);
    first = null;
    return opened;
  };
  return new Fleet({ ...options, initial: [{ context: target.context }], open, keep: false });
}

async function printOnceFor(flags: LiveFlags, setup: Setup, caps: TerminalCaps): Promise<number> {
  if (setup.fleet) {
    throw new UsageError(
      'several clusters need the live screen, in a terminal; for scripts, kmon status and kmon check take the same --context flags',
    );
  }
  const target = targetFor(flags);
  const connection = openConnection(target, flags);
  const collector = new Collector({ ...collectorOptions(target, connection.client, setup), keepHistory: false });
  try {
    return await printOnce(collector, caps, setup.thresholds);
  } finally {
    collector.stop();
    connection.close();
  }
}

/**
 * --record FILE: what the screen shows goes to FILE too, from the first frame. A recording holds
 * one cluster: the one the run starts on (a context picked later with c is not recorded).
 */
async function recorderFor(flags: LiveFlags, fleet: Fleet): Promise<Awaited<ReturnType<typeof recordTo>> | null> {
  const member = fleet.members()[0];
  if (!flags.record || !member?.collector) return null;
  return recordTo(flags.record, member.collector, member.collector.scope());
}

async function live(flags: LiveFlags): Promise<number> {
  const config = loadConfig(flags.config);
  const thresholds = thresholdsFrom(flags, config.thresholds);
  const caps = detectTerminal(process.env, process.stdout, { color: flags.color, ascii: flags.ascii }, process.stdin);
  const intervalMs = flags.interval ?? config.intervalMs ?? 5_000;
  const backgroundMs = Math.max(intervalMs, BACKGROUND_MS);
  const targets = fleetTargets(flags);
  // A recording and a Prometheus hold one cluster each.
  for (const [given, flag] of [
    [flags.record, '--record'],
    [flags.prometheus, '--prometheus'],
  ] as const) {
    if (targets && given) throw new UsageError(`${flag} is about one cluster: name one context, not several`);
  }
  const setup: Setup = {
    flags,
    config,
    thresholds,
    namespace: namespaceFor(flags, null),
    intervalMs,
    backgroundMs,
    fleet: targets,
    prometheusContext: targets ? null : targetFor(flags).context,
    backfills: new Map(),
    closing: [],
    heap: new HeapPreference(),
  };
  if (!caps.interactive) return printOnceFor(flags, setup, caps);
  const fleet = fleetFor(flags, setup);
  let recorder: Awaited<ReturnType<typeof recordTo>> | null = null;
  try {
    setup.heap.start();
    recorder = await recorderFor(flags, fleet);
    fleet.start();
    // Ink holds frames back while CI is set; someone at a terminal (or tmux under CI) wants them.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
    const [{ runApp }, { makeTheme }] = await Promise.all([import('../ui/run-app.js'), import('../ui/theme.js')]);
    return await runApp({
      fleet,
      thresholds,
      theme: makeTheme({ color: caps.color !== 'none', ascii: !caps.unicode }),
      namespace: setup.namespace,
      altScreen: flags.altScreen !== false,
      intervalMs,
      backgroundMs,
      onDetail: (context, pane, uid) => setup.backfills.get(context)?.detail(pane, uid),
    });
  } finally {
    fleet.stop();
    await recorder?.stop();
    await Promise.all(setup.closing);
  }
}

/** `kmon` and `kmon demo`: the live screen, or the tables once where no live screen can be drawn. */
export function runLive(flags: LiveFlags, options: { demo: boolean }): Promise<number> {
  // The demo's cluster is new each time, on a new port: nothing of its history is worth keeping.
  return withDemoCluster(options.demo, options.demo ? { ...flags, saveHistory: false } : flags, live);
}
