import type { DecodedList } from '../kube/decode/decode-list.js';
import { isKubeError, KubeError } from '../kube/kube-error.js';
import { PodUsageIndex } from '../model/pod-usage-index.js';
import type { ProblemKind } from '../model/problems.js';
import type { NodeUsage, PodUsage } from '../model/records.js';
import type { FetchedSummary, MetricsSource } from '../model/snapshot.js';
import { backoffDelay } from './backoff.js';
import type { ClusterReader } from './cluster-reader.js';
import { timeout } from './first-frame.js';
import { MetricsCadence } from './metrics-cadence.js';
import type { Selectors } from './selectors.js';

export interface UsageReading {
  readonly source: MetricsSource;
  readonly nodeUsage: ReadonlyMap<string, NodeUsage>;
  readonly podUsage: PodUsageIndex;
  /** When these figures were read; null if never. */
  readonly at: number | null;
  readonly problem: { readonly kind: ProblemKind; readonly message: string } | null;
}

export interface UsageSourceOptions {
  readonly reader: Pick<ClusterReader, 'nodeMetrics' | 'podMetrics'>;
  readonly namespace: string | null;
  readonly selectors?: Selectors;
  /** Summaries to fall back on; null with --no-kubelet. */
  readonly summaries: (() => ReadonlyMap<string, FetchedSummary>) | null;
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

const NO_ITEMS: DecodedList<never> = { items: [], skipped: 0, firstProblem: null };
const NOTHING = Promise.resolve(NO_ITEMS);

const RETRY_MAX_MS = 120_000;

// The apiserver itself failed, not metrics-server: the kubelets behind it cannot stand in either.
const apiserverDown = (kind: ProblemKind) => kind === 'unreachable';

function why(error: KubeError): string {
  switch (error.kind) {
    case 'unreachable':
      return error.message;
    case 'not-found':
      return 'metrics-server not installed';
    case 'unavailable':
      return 'metrics-server unavailable';
    case 'forbidden':
      return `Metrics API ${error.message}`;
    default:
      return `Metrics API failed (${error.message})`;
  }
}

function fromSummaries(summaries: ReadonlyMap<string, FetchedSummary>): Pick<UsageReading, 'nodeUsage' | 'podUsage' | 'at'> {
  const nodeUsage = new Map<string, NodeUsage>();
  const podUsage = new PodUsageIndex();
  let at: number | null = null;
  for (const [name, { summary, fetchedAt }] of summaries) {
    if (summary.usage) nodeUsage.set(name, summary.usage);
    for (const pod of summary.pods) podUsage.add(pod);
    at = Math.max(at ?? 0, fetchedAt);
  }
  return { nodeUsage, podUsage, at };
}

/**
 * CPU and memory from the Metrics API, or from kubelet summaries while the Metrics API is missing,
 * forbidden or failing. The rest of kmon does not care which, but the frame says so.
 */
export class UsageSource {
  private failures = 0;
  private retryAt = 0;
  private lastGood: UsageReading | null = null;
  private problem: UsageReading['problem'] = null;
  private readonly cadence = new MetricsCadence();
  private skipped = false;
  /** Set while the first read's pod metrics are still coming. */
  private podsPending = false;
  private late: (() => void) | null = null;

  constructor(private readonly options: UsageSourceOptions) {}

  /** Reads the Metrics API (or, while it is failing and not yet due for a retry, nothing). */
  async read(now: number, signal?: AbortSignal): Promise<UsageReading> {
    const { intervalMs } = this.options;
    // Nothing newer can be there yet: skip the fetch. The figures keep the time they were read
    // until confirmCurrent says the apiserver answered, so an outage still shows as stale.
    const notDue = this.failures === 0 && this.lastGood !== null && Boolean(intervalMs) && !this.cadence.due(now, intervalMs ?? 0);
    this.skipped = notDue || this.podsPending;
    if (this.skipped) return this.current();
    if (this.failures === 0 || now >= this.retryAt) {
      try {
        await this.fromMetricsApi(now, signal);
      } catch (error) {
        this.failed(error, now);
      }
    }
    return this.current();
  }

  /** Called when pod metrics that the first read stopped waiting for are in (or have failed). */
  onLate(listener: () => void): void {
    this.late = listener;
  }

  private failed(error: unknown, now: number): void {
    if (!isKubeError(error)) throw error;
    this.failures++;
    const policy = { baseMs: this.options.retryBaseMs ?? 10_000, maxMs: RETRY_MAX_MS };
    this.retryAt = now + backoffDelay(this.failures - 1, policy, error.retryAfterMs);
    this.problem = { kind: error.kind, message: why(error) };
  }

  /**
   * Whether CPU/memory come from kubelet summaries now (the Metrics API is failing). Before the
   * first answer the Metrics API is presumed to work: holding 150,000 pods' usage from summaries
   * just in case would cost more than reading them again if it does fail.
   */
  usingSummaries(): boolean {
    return this.failures > 0;
  }

  /**
   * After a poll in which the apiserver answered: figures whose fetch was skipped, because
   * metrics-server could not have newer samples yet, are as current as figures just fetched.
   */
  confirmCurrent(now: number): UsageReading {
    if (this.skipped && this.lastGood) this.lastGood = { ...this.lastGood, at: now };
    return this.current();
  }

  /** Asks the Metrics API at the next read, whatever the backoff: the apiserver is back after an outage. */
  retryNow(): void {
    this.retryAt = 0;
  }

  /** The figures to show now: the last Metrics API reading, or kubelet summaries while it fails. */
  current(): UsageReading {
    if (this.failures === 0 && this.lastGood) return this.lastGood;
    const problem = this.problem ?? { kind: 'server-error' as const, message: 'Metrics API not read yet' };
    if (this.options.summaries && !apiserverDown(problem.kind)) {
      return {
        source: 'kubelet',
        ...fromSummaries(this.options.summaries()),
        problem: { ...problem, message: `${problem.message}: using kubelet summaries` },
      };
    }
    const last = this.lastGood;
    const message = `${problem.message}: CPU/memory ${last ? 'not refreshed' : 'unknown'}`;
    if (last) return { ...last, problem: { ...problem, message } };
    return { source: 'none', nodeUsage: new Map(), podUsage: new PodUsageIndex(), at: null, problem: { ...problem, message } };
  }

  private async fromMetricsApi(now: number, signal?: AbortSignal): Promise<void> {
    const { reader, namespace, selectors = {}, kinds = { nodes: true, pods: true } } = this.options;
    const nodesRead = kinds.nodes ? reader.nodeMetrics({ labelSelector: selectors.nodes, signal }) : NOTHING;
    const podsRead = kinds.pods ? reader.podMetrics({ namespace, labelSelector: selectors.pods, signal }) : NOTHING;
    // Settled here too, so a failure after the nodes' own is never an unhandled rejection.
    podsRead.catch(() => undefined);
    const nodes = await nodesRead;
    const waitMs = this.lastGood === null ? (this.options.podsWaitMs ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    const pods = await Promise.race([podsRead, timeout(waitMs)]);
    if (pods) {
      this.take(nodes, pods, now);
      return;
    }
    this.take(nodes, NO_ITEMS, now);
    this.podsPending = true;
    void this.lateArrival(podsRead, signal);
  }

  private async lateArrival(podsRead: Promise<DecodedList<PodUsage>>, signal?: AbortSignal): Promise<void> {
    try {
      const pods = await podsRead;
      const reading = this.lastGood;
      if (reading && this.failures === 0) {
        this.problem = leftOut(pods) ?? reading.problem;
        this.cadence.observe(newestSample(pods.items), Date.now());
        this.lastGood = { ...reading, podUsage: keepUnchangedPods(pods.items, undefined), problem: this.problem };
      }
    } catch (error) {
      if (signal?.aborted) return;
      // No poll is waiting on this read to report a fault of kmon's own: the frame says it instead.
      this.failed(isKubeError(error) ? error : new KubeError('server-error', String(error)), Date.now());
    } finally {
      this.podsPending = false;
    }
    this.late?.();
  }

  private take(nodes: DecodedList<NodeUsage>, pods: DecodedList<PodUsage>, now: number): void {
    this.failures = 0;
    this.problem = leftOut(nodes, pods);
    const previous = this.lastGood;
    this.cadence.observe(newestSample(nodes.items, pods.items), now, shortestWindow(nodes.items));
    this.lastGood = {
      source: 'metrics-api',
      nodeUsage: keepUnchanged(nodes.items, (n) => n.name, previous?.nodeUsage),
      podUsage: keepUnchangedPods(pods.items, previous?.podUsage),
      at: now,
      problem: this.problem,
    };
  }
}

function leftOut(...lists: readonly DecodedList<unknown>[]): UsageReading['problem'] {
  const skipped = lists.reduce((sum, list) => sum + list.skipped, 0);
  if (!skipped) return null;
  const first = lists.find((list) => list.firstProblem)?.firstProblem;
  return { kind: 'malformed', message: `Metrics API: ${skipped} invalid items left out (${first})` };
}

function shortestWindow(nodes: readonly NodeUsage[]): number | null {
  let shortest: number | null = null;
  for (const node of nodes)
    if (node.windowMs !== undefined && node.windowMs > 0) shortest = Math.min(shortest ?? node.windowMs, node.windowMs);
  return shortest;
}

function newestSample(...lists: readonly (readonly { timestamp: number }[])[]): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const list of lists) for (const u of list) if (u.timestamp > newest) newest = u.timestamp;
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

/** keepUnchanged for pods, indexed by namespace and name. */
function keepUnchangedPods(items: readonly PodUsage[], previous: PodUsageIndex | undefined): PodUsageIndex {
  const out = new PodUsageIndex();
  for (const item of items) {
    const before = previous?.get(item.namespace, item.name);
    out.add(before && before.timestamp === item.timestamp ? before : item);
  }
  return out;
}
