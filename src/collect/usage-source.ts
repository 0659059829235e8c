import type { DecodedList } from '../kube/decode/decode-list.js';
import { isKubeError, KubeError } from '../kube/kube-error.js';
import type { DecodedPodUsage } from '../kube/pod-metrics-list.js';
import { PodUsageIndex } from '../model/pod-usage-index.js';
import type { NodeUsage, PodUsage } from '../model/records.js';
import type { UsageBetween } from '../model/resource-usage.js';
import type { FetchedSummary, MetricsSource } from '../model/snapshot.js';
import type { ClusterReader } from './cluster-reader.js';
import { timeout } from './first-frame.js';
import { MetricsCadence } from './metrics-cadence.js';
import { MetricsRead, type ReadProblem } from './metrics-read.js';
import type { Selectors } from './selectors.js';

export interface UsageReading {
  /** Where the node figures come from. */
  readonly source: MetricsSource;
  /** Where the pod figures come from. */
  readonly podSource: MetricsSource;
  readonly nodeUsage: ReadonlyMap<string, NodeUsage>;
  readonly podUsage: PodUsageIndex;
  /** When the older of the figures shown were read; null if never. */
  readonly at: number | null;
  /** Why figures are missing, old, or from the kubelets: one per read, or one for both alike. */
  readonly problems: readonly ReadProblem[];
}

export interface UsageSourceOptions {
  readonly reader: Pick<ClusterReader, 'nodeMetrics' | 'podMetrics'>;
  readonly namespace: string | null;
  readonly selectors?: Selectors;
  /** Summaries to fall back on; null with --no-kubelet. */
  readonly summaries: (() => ReadonlyMap<string, FetchedSummary>) | null;
  /** CPU and memory read from /metrics/resource between summaries, per node. */
  readonly resourceUsage?: () => ReadonlyMap<string, FetchedUsage>;
  /** The first wait before asking a failing Metrics API again (default 10 s); it doubles up to 2 minutes. */
  readonly retryBaseMs?: number;
  /** The poll interval; with it, polls that could not find newer samples skip the fetch. */
  readonly intervalMs?: number;
  /** Which metrics to read (default both): `top pods` needs no node metrics, `top nodes` none of the 50 MB of pod metrics. */
  readonly kinds?: MetricsKinds;
  /**
   * How long the first read waits for the pod metrics before answering with the nodes' alone
   * (default: for as long as they take). The pods' figures then come with onLate.
   */
  readonly podsWaitMs?: number;
}

export interface MetricsKinds {
  readonly nodes: boolean;
  readonly pods: boolean;
}

interface View<M> {
  readonly source: MetricsSource;
  readonly value: M;
  readonly at: number | null;
  /** Why the read fails (or what it left out), and what is shown instead. */
  readonly problem: (ReadProblem & { readonly shown: string | null }) | null;
}

const USING_SUMMARIES = 'using kubelet summaries';
const RETRY_MAX_MS = 120_000;
const ALL_KINDS: MetricsKinds = { nodes: true, pods: true };

/** CPU and memory from a node's /metrics/resource reads (rates against its previous counters). */
export interface FetchedUsage extends UsageBetween {
  readonly fetchedAt: number;
}

/**
 * The newest figures the kubelets hold, per kind: each node's summary, or its /metrics/resource
 * read since; pods only where summaries kept them or /metrics/resource measured them.
 */
function fromSummaries(summaries: ReadonlyMap<string, FetchedSummary>, resource: ReadonlyMap<string, FetchedUsage>) {
  const nodeUsage = new Map<string, NodeUsage>();
  const pods: PodUsage[] = [];
  let nodesAt: number | null = null;
  let podsAt: number | null = null;
  for (const [name, { summary, fetchedAt, podsKept }] of summaries) {
    const later = resource.get(name);
    const node = later?.node ? { usage: { ...later.node, from: 'resource' as const }, at: later.fetchedAt } : null;
    const own = summary.usage ? { usage: { ...summary.usage, from: 'summary' as const }, at: fetchedAt } : null;
    const shown = node && (!own || node.at > own.at) ? node : own;
    if (shown) {
      nodeUsage.set(name, shown.usage);
      nodesAt = Math.max(nodesAt ?? 0, shown.at);
    }
    const measured = later?.pods.length && (!podsKept || later.fetchedAt > fetchedAt) ? { list: later.pods, at: later.fetchedAt } : null;
    if (!measured && !podsKept) continue;
    for (const pod of measured?.list ?? summary.pods) pods.push(pod);
    podsAt = Math.max(podsAt ?? 0, measured?.at ?? fetchedAt);
  }
  return {
    nodes: nodesAt === null ? null : { value: nodeUsage as ReadonlyMap<string, NodeUsage>, at: nodesAt },
    pods: podsAt === null ? null : { value: PodUsageIndex.of(pods), at: podsAt },
  };
}

/**
 * What to show for one kind: the Metrics API's figures while it answers; while it fails, whichever
 * is newer of its last figures and the kubelets' summaries, saying which.
 */
function view<M>(read: MetricsRead<M>, summaries: { value: M; at: number } | null, empty: M): View<M> {
  const last = read.last();
  const left = read.problem();
  if (!read.failing() && last) return { source: 'metrics-api', value: last.value, at: last.at, problem: left && { ...left, shown: null } };
  const problem = left ?? { kind: 'server-error' as const, message: 'Metrics API not read yet' };
  if (summaries && (!last || summaries.at > last.at))
    return { source: 'kubelet', ...summaries, problem: { ...problem, shown: USING_SUMMARIES } };
  const shown = `CPU/memory ${last ? 'not refreshed' : 'unknown'}`;
  if (last) return { source: 'metrics-api', value: last.value, at: last.at, problem: { ...problem, shown } };
  return { source: 'none', value: empty, at: null, problem: { ...problem, shown } };
}

const text = ({ kind, message, shown, cause }: NonNullable<View<unknown>['problem']>, what = ''): ReadProblem => ({
  kind,
  message: `${what}${message}${shown ? `: ${shown}` : ''}`,
  ...(cause ? { cause } : {}),
});

/**
 * One problem where both reads fail alike (metrics-server missing fails both), saying the kubelets
 * stand in as soon as they do for either; otherwise each problem names its read.
 */
function problemsOf(nodes: View<unknown>['problem'], pods: View<unknown>['problem'], kinds: MetricsKinds): ReadProblem[] {
  if (nodes && pods && nodes.kind === pods.kind) {
    return [text({ ...nodes, shown: pods.shown === USING_SUMMARIES ? pods.shown : nodes.shown })];
  }
  if (!kinds.nodes || !kinds.pods) return [nodes, pods].flatMap((p) => (p ? [text(p)] : []));
  return [...(nodes ? [text(nodes, 'node metrics: ')] : []), ...(pods ? [text(pods, 'pod metrics: ')] : [])];
}

/**
 * CPU and memory from the Metrics API, or from kubelet summaries while it is missing, forbidden or
 * failing. Node and pod metrics are read apart and fail apart. The rest of kmon does not care where
 * the figures came from, but the frame says so.
 */
export class UsageSource {
  private readonly nodes: MetricsRead<ReadonlyMap<string, NodeUsage>>;
  private readonly pods: MetricsRead<PodUsageIndex>;
  private readonly kinds: MetricsKinds;
  private readonly cadence = new MetricsCadence();
  private skipped = false;
  /** Set while the first read's pod metrics are still coming. */
  private podsPending = false;
  private late: (() => void) | null = null;

  constructor(private readonly options: UsageSourceOptions) {
    const policy = { baseMs: options.retryBaseMs ?? 10_000, maxMs: RETRY_MAX_MS };
    this.nodes = new MetricsRead(policy);
    this.pods = new MetricsRead(policy);
    this.kinds = options.kinds ?? ALL_KINDS;
  }

  /** Reads the Metrics API: each kind that works, and each failing kind whose backoff is over. */
  async read(now: number, signal?: AbortSignal): Promise<UsageReading> {
    this.skipped = this.notDue(now) || this.podsPending;
    if (this.skipped) return this.current();
    const { reader, namespace, selectors = {} } = this.options;
    const nodesRead = this.kinds.nodes && this.nodes.due(now) ? reader.nodeMetrics({ labelSelector: selectors.nodes, signal }) : null;
    const podsRead = this.kinds.pods && this.pods.due(now) ? reader.podMetrics({ namespace, labelSelector: selectors.pods, signal }) : null;
    // Settled here too, so a failure while the nodes' read is awaited is never an unhandled rejection.
    podsRead?.catch(() => undefined);
    // A failure's backoff runs from when it failed: asking again within the request timeout can
    // take seconds, which count (in whole seconds: the backoff is seconds long itself).
    const began = Date.now();
    const failedAt = () => now + Math.floor((Date.now() - began) / 1000) * 1000;
    if (nodesRead) await this.readNodes(nodesRead, now, failedAt);
    if (podsRead) await this.readPods(podsRead, now, failedAt, signal);
    return this.current();
  }

  /** Called when pod metrics that the first read stopped waiting for are in (or have failed). */
  onLate(listener: () => void): void {
    this.late = listener;
  }

  /**
   * Whether the kubelets' summaries must carry pods' CPU/memory: while pod metrics fail. Before the
   * first answer the Metrics API is presumed to work: holding 150,000 pods' usage from summaries
   * just in case would cost more than reading them again if it does fail.
   */
  needsPodSummaries(): boolean {
    return this.pods.failing();
  }

  /** Whether any figures may come from summaries now, so they are worth reading every poll. */
  usingSummaries(): boolean {
    return this.nodes.failing() || this.pods.failing();
  }

  /**
   * After a poll in which the apiserver answered: figures whose fetch was skipped, because
   * metrics-server could not have newer samples yet, are as current as figures just fetched.
   */
  confirmCurrent(now: number): UsageReading {
    if (this.skipped) {
      this.nodes.confirm(now);
      this.pods.confirm(now);
    }
    return this.current();
  }

  /** Whether the Metrics API answered a read made at or after `at`. */
  answeredSince(at: number): boolean {
    return [this.nodes, this.pods].some((read) => !read.failing() && (read.last()?.at ?? Number.NEGATIVE_INFINITY) >= at);
  }

  /** Asks the Metrics API at the next read, whatever the backoff: the apiserver is back after an outage. */
  retryNow(): void {
    this.nodes.retryNow();
    this.pods.retryNow();
  }

  /** The figures to show now, per kind: the Metrics API's, or kubelet summaries' while it fails. */
  current(): UsageReading {
    const backup =
      this.usingSummaries() && this.options.summaries
        ? fromSummaries(this.options.summaries(), this.options.resourceUsage?.() ?? new Map())
        : { nodes: null, pods: null };
    const nodes: View<ReadonlyMap<string, NodeUsage>> = this.kinds.nodes
      ? view(this.nodes, backup.nodes, new Map())
      : { source: 'none', value: new Map(), at: null, problem: null };
    const podsShown = this.kinds.pods && !(this.podsPending && !this.pods.last());
    const pods: View<PodUsageIndex> = podsShown
      ? view(this.pods, backup.pods, new PodUsageIndex())
      : { source: nodes.source, value: new PodUsageIndex(), at: null, problem: null };
    // The older of the figures shown; never read, if either shown kind never was.
    const times = [this.kinds.nodes && nodes.at, podsShown && pods.at].filter((t) => t !== false);
    return {
      source: this.kinds.nodes ? nodes.source : pods.source,
      podSource: pods.source,
      nodeUsage: nodes.value,
      podUsage: pods.value,
      at: times.includes(null) ? null : Math.min(...(times as number[])),
      problems: problemsOf(nodes.problem, pods.problem, this.kinds),
    };
  }

  /** Nothing newer can be there yet: skip the fetch (the figures keep their time until confirmCurrent). */
  private notDue(now: number): boolean {
    const { intervalMs } = this.options;
    if (!intervalMs || this.usingSummaries()) return false;
    if ((this.kinds.nodes && !this.nodes.last()) || (this.kinds.pods && !this.pods.last())) return false;
    return !this.cadence.due(now, intervalMs);
  }

  private async readNodes(read: Promise<DecodedList<NodeUsage>>, now: number, failedAt: () => number): Promise<void> {
    try {
      const list = await read;
      this.cadence.observe(newestSample(list.items), now, shortestWindow(list.items));
      this.nodes.succeeded(
        keepUnchanged(list.items, (n) => n.name, this.nodes.last()?.value),
        now,
        leftOut(list),
      );
    } catch (error) {
      this.nodes.failed(error, failedAt());
    }
  }

  private async readPods(read: Promise<DecodedPodUsage>, now: number, failedAt: () => number, signal?: AbortSignal): Promise<void> {
    const waitMs = this.pods.last() === null ? (this.options.podsWaitMs ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    let list: DecodedPodUsage | false;
    try {
      list = await Promise.race([read, timeout(waitMs)]);
    } catch (error) {
      this.pods.failed(error, failedAt());
      return;
    }
    if (list) this.takePods(list, now);
    else {
      this.podsPending = true;
      void this.lateArrival(read, now, signal);
    }
  }

  /** Pod metrics fetched at `fetchedAt`, shown as read at `at`. */
  private takePods(list: DecodedPodUsage, at: number, fetchedAt = at): void {
    this.cadence.observe(list.usage.newest(), fetchedAt);
    this.pods.succeeded(list.usage, at, leftOut(list));
  }

  private async lateArrival(read: Promise<DecodedPodUsage>, asked: number, signal?: AbortSignal): Promise<void> {
    try {
      const list = await read;
      // Read as of when the nodes' figures were: the frame's data age must not claim more.
      this.takePods(list, Math.min(asked, this.nodes.last()?.at ?? asked), Date.now());
    } catch (error) {
      if (signal?.aborted) return;
      // No poll is waiting on this read to report a fault of kmon's own: the frame says it instead.
      this.pods.failed(isKubeError(error) ? error : new KubeError('server-error', String(error)), Date.now());
    } finally {
      this.podsPending = false;
    }
    this.late?.();
  }
}

function leftOut(list: Pick<DecodedList<unknown>, 'skipped' | 'firstProblem'>): ReadProblem | null {
  if (!list.skipped) return null;
  return { kind: 'malformed', message: `Metrics API: ${list.skipped} invalid items left out (${list.firstProblem})` };
}

function shortestWindow(nodes: readonly NodeUsage[]): number | null {
  let shortest: number | null = null;
  for (const node of nodes)
    if (node.windowMs !== undefined && node.windowMs > 0) shortest = Math.min(shortest ?? node.windowMs, node.windowMs);
  return shortest;
}

function newestSample(list: readonly { timestamp: number }[]): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const u of list) if (u.timestamp > newest) newest = u.timestamp;
  return newest;
}

/**
 * Keyed usage, reusing last poll's object where the source has not measured again (same timestamp):
 * metrics-server refreshes every 15 s while kmon polls every 5, so most polls change nothing, and
 * unchanged objects let everything derived from them be reused instead of rebuilt.
 */
function keepUnchanged<U extends { timestamp: number }>(
  items: readonly U[],
  key: (u: U) => string,
  previous: ReadonlyMap<string, U> | undefined,
): Map<string, U> {
  const out = new Map<string, U>();
  for (const item of items) {
    const k = key(item);
    const before = previous?.get(k);
    out.set(k, before && before.timestamp === item.timestamp ? before : item);
  }
  return out;
}
