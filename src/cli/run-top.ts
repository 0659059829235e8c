import { Collector } from '../collect/collector.js';
import { clusterProblem } from '../model/cluster-health.js';
import { buildNodeRows, type NodeRow } from '../model/node-row.js';
import { buildPodRow } from '../model/pod-row.js';
import type { Snapshot } from '../model/snapshot.js';
import { type SortKey, sortRows } from '../model/sort.js';
import type { Thresholds } from '../model/thresholds.js';
import { topNodesJson, topPodsJson } from '../output/top-json.js';
import { topNodesTable } from '../output/top-nodes.js';
import { type PodLine, topPodsTable } from '../output/top-pods.js';
import { type ClusterFlags, kubeletSettings, namespaceFor, openConnection, targetFor } from './cluster-flags.js';
import { loadConfig } from './config-file.js';
import type { FlagValues, TOP_NODE_FLAGS, TOP_POD_FLAGS } from './flag-table.js';
import { detectTerminal } from './terminal-caps.js';
import { type ThresholdFlags, thresholdsFrom } from './threshold-flags.js';
import { UsageError } from './usage-error.js';
import { warningLines } from './warnings.js';

export interface TopFlags
  extends ClusterFlags,
    ThresholdFlags,
    Partial<FlagValues<typeof TOP_POD_FLAGS>>,
    Partial<FlagValues<typeof TOP_NODE_FLAGS>> {
  readonly output: 'table' | 'wide' | 'json';
  readonly sortBy?: 'cpu' | 'memory' | 'disk' | 'name';
  readonly containers?: boolean;
  readonly sum?: boolean;
  readonly headers: boolean;
  readonly ascii?: boolean;
  readonly color?: boolean;
  /** `kmon top nodes NAME`: that node (or pod) alone, as kubectl top takes it. */
  readonly name?: string;
}

export interface TopResult {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: number;
}

const desc = <R>(value: SortKey<R>['value']): SortKey<R> => ({ value, descending: true });
const byName = <R extends { name: string }>(): SortKey<R> => ({ value: (r) => r.name, descending: false });

const NODE_SORT: Record<string, SortKey<NodeRow>> = {
  cpu: desc((r) => r.cpu.used),
  memory: desc((r) => r.memory.used),
  disk: desc((r) => r.disk.percent),
  name: byName(),
};

const POD_SORT: Record<string, SortKey<PodLine>> = {
  cpu: desc((l) => l.usage?.cpuMilli ?? null),
  memory: desc((l) => l.usage?.memoryBytes ?? null),
  name: byName(),
};

function fatal(snapshot: Snapshot, kind: 'nodes' | 'pods'): string | null {
  // A cluster that cannot be read (refused, rejected credentials, no answer) fails every read alike.
  const down = clusterProblem(snapshot);
  if (down) return down.message;
  const failed = snapshot.problems.find((p) => p.source !== 'kubelet' && p.kind === 'unreachable');
  if (failed) return failed.cause ?? failed.message;
  // One poll: a node list that failed means no nodes at all, not an empty cluster.
  const nodesFailed = snapshot.problems.find((p) => p.source === 'nodes');
  if (kind === 'nodes' && nodesFailed) return nodesFailed.message;
  if (kind === 'nodes' && snapshot.inventoryAt === null) return 'nodes could not be read';
  if (kind === 'pods' && snapshot.metricsSource === 'none' && snapshot.podUsage.size === 0) {
    return snapshot.problems.find((p) => p.source === 'metrics')?.message ?? 'pod metrics could not be read';
  }
  return null;
}

function podLines(snapshot: Snapshot, thresholds: Thresholds, podList: boolean): PodLine[] {
  // A pod list that could not be read leaves the metrics: the figures are printed all the same.
  const withList = podList && !snapshot.problems.some((p) => p.source === 'pods');
  if (!withList) {
    return [...snapshot.podUsage.values()].map((usage) => ({ namespace: usage.namespace, name: usage.name, usage, row: null }));
  }
  return snapshot.pods.map((pod) => ({
    namespace: pod.namespace,
    name: pod.name,
    usage: snapshot.podUsage.get(pod.namespace, pod.name) ?? null,
    row: buildPodRow(pod, snapshot, thresholds, snapshot.takenAt),
  }));
}

interface TopRead {
  readonly snapshot: Snapshot;
  readonly thresholds: Thresholds;
  readonly namespace: string | null;
  readonly podList: boolean;
}

async function pollTop(kind: 'nodes' | 'pods', flags: TopFlags): Promise<TopRead> {
  const thresholds = thresholdsFrom(flags, loadConfig(flags.config).thresholds);
  const target = targetFor(flags);
  const connection = openConnection(target, flags);
  // Nodes are not namespaced: their pod counts take every namespace, as kubectl's node views do.
  const namespace = kind === 'nodes' ? null : namespaceFor(flags, target.namespace);
  // Throttling is read from the pods' nodes, so it needs the pod list as -o wide and json do.
  const podList = kind === 'pods' && (flags.output !== 'table' || flags.throttling === true);
  const kubelet = kubeletSettings(flags, thresholds);
  // The kubelet figures are read by the poll whose snapshot is printed (not one a fallback replaces).
  const printed = (snapshot: Snapshot) => kind === 'nodes' || snapshot.metricsSource === 'metrics-api' || kubelet === null;
  const poll = async (listNodes: boolean, mode: 'all' | 'fallback' | 'background') => {
    const collector = new Collector({
      reader: connection.client,
      scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace },
      intervalMs: 0,
      selectors: kind === 'nodes' ? { nodes: flags.selector } : { pods: flags.selector },
      lists: { nodes: listNodes, pods: kind === 'nodes' ? flags.output !== 'table' : podList },
      metrics: { nodes: kind === 'nodes', pods: kind === 'pods' },
      kubelet,
      keepHistory: false,
      kubeletDeadlineMs: flags.requestTimeout,
    });
    try {
      const snapshot = await collector.pollOnce(mode);
      return kubelet && (mode === 'fallback' || printed(snapshot)) ? await kubeletFigures(collector, kind, flags, podList) : snapshot;
    } finally {
      collector.stop();
    }
  };
  try {
    if (kind === 'nodes') return { snapshot: await poll(true, 'all'), thresholds, namespace, podList };
    // Pods need no node list, as with kubectl, unless the Metrics API fails and kubelets must stand in.
    const snapshot = await poll(false, 'background');
    const fallback = snapshot.metricsSource !== 'metrics-api' && kubelet !== null;
    return { snapshot: fallback ? await poll(true, 'fallback') : snapshot, thresholds, namespace, podList };
  } finally {
    connection.close();
  }
}

// cAdvisor and the summaries' counters move on every 10 to 15 s: reads this far apart, a few times if need be.
const SECOND_READ_MS = 5_000;

/**
 * What the one poll left to the kubelets: for pods in wide or JSON output, their nodes' summaries
 * (ephemeral storage); with --throttling their cAdvisor twice; with --network every summary twice.
 */
async function kubeletFigures(collector: Collector, kind: 'nodes' | 'pods', flags: TopFlags, podList: boolean): Promise<Snapshot> {
  if (kind === 'nodes') return flags.network ? collector.readRates(SECOND_READ_MS) : (collector.latest() as Snapshot);
  if (!podList) return collector.latest() as Snapshot;
  return collector.readPodNodes(flags.throttling ? { throttlingGapMs: SECOND_READ_MS } : {});
}

/** Glyphs and colour for the ALERTS column, as this terminal (and NO_COLOR, --no-color, --ascii) allow. */
function tableStyle(flags: TopFlags): { ascii: boolean; color: boolean } {
  const caps = detectTerminal(process.env, process.stdout, { color: flags.color, ascii: flags.ascii });
  return { ascii: !caps.unicode, color: caps.color !== 'none' };
}

const notFound = (what: string, where = ''): TopResult => ({ stdout: '', stderr: [`kmon: ${what} not found${where}`], exitCode: 1 });

function renderNodes(read: TopRead, flags: TopFlags): TopResult {
  const { snapshot, thresholds } = read;
  const all = buildNodeRows(snapshot, thresholds);
  const named = flags.name === undefined ? all : all.filter((r) => r.name === flags.name);
  if (named.length === 0 && flags.name !== undefined) return notFound(`node "${flags.name}"`);
  return { stdout: nodesText(sortRows(named, [NODE_SORT[flags.sortBy ?? 'name'] ?? byName()]), read, flags), stderr: [], exitCode: 0 };
}

function nodesText(rows: readonly NodeRow[], { snapshot }: TopRead, flags: TopFlags): string {
  if (flags.output === 'json') return topNodesJson(rows, snapshot);
  return topNodesTable(rows, {
    wide: flags.output === 'wide',
    network: flags.network === true,
    noHeaders: !flags.headers,
    now: snapshot.takenAt,
    ...tableStyle(flags),
  });
}

function renderPods(read: TopRead, flags: TopFlags): TopResult {
  const { snapshot, thresholds, namespace, podList } = read;
  const all = podLines(snapshot, thresholds, podList);
  const named = flags.name === undefined ? all : all.filter((l) => l.name === flags.name);
  if (named.length === 0 && flags.name !== undefined) return notFound(`pod "${flags.name}"`, namespace ? ` in namespace ${namespace}` : '');
  // As kubectl says it: on stderr, with no table, and not an error.
  if (named.length === 0 && flags.output !== 'json')
    return { stdout: '', stderr: [namespace ? `No resources found in ${namespace} namespace.` : 'No resources found'], exitCode: 0 };
  const sortKey = flags.sortBy ? [POD_SORT[flags.sortBy] ?? byName<PodLine>()] : [];
  const lines = sortRows(named, [...sortKey, { value: (l) => l.namespace, descending: false }, byName()]);
  return { stdout: podsText(lines, read, flags), stderr: [], exitCode: 0 };
}

function podsText(lines: readonly PodLine[], { snapshot, namespace }: TopRead, flags: TopFlags): string {
  if (flags.output === 'json') return topPodsJson(lines, snapshot);
  return topPodsTable(lines, {
    wide: flags.output === 'wide',
    noHeaders: !flags.headers,
    now: snapshot.takenAt,
    ...tableStyle(flags),
    allNamespaces: namespace === null,
    containers: flags.containers ?? false,
    throttling: flags.throttling ?? false,
    sum: flags.sum ?? false,
  });
}

/** `kmon top nodes|pods`: one poll, printed like kubectl top, plus disk, percentages and alert levels. */
export async function runTop(kind: 'nodes' | 'pods', flags: TopFlags): Promise<TopResult> {
  if (kind === 'pods' && flags.sortBy === 'disk')
    throw new UsageError('--sort-by disk applies to nodes only (cpu, memory or name for pods)');
  if (flags.containers && flags.output === 'wide')
    throw new UsageError('--containers prints kubectl top --containers columns; -o wide does not apply to it (-o json has both)');
  const read = await pollTop(kind, flags);
  const problem = fatal(read.snapshot, kind);
  if (problem) return { stdout: '', stderr: [`kmon: ${problem}`], exitCode: 1 };
  const result = kind === 'nodes' ? renderNodes(read, flags) : renderPods(read, flags);
  const warnings = flags.output === 'json' || result.exitCode !== 0 ? [] : warningLines(read.snapshot.problems);
  return { ...result, stderr: [...warnings, ...result.stderr] };
}
