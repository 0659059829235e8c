import { isKubeError, type KubeError } from '../kube/kube-error.js';
import type { ProblemKind } from '../model/problems.js';
import type { NodeUsage, PodUsage } from '../model/records.js';
import { type FetchedSummary, type MetricsSource, podKey } from '../model/snapshot.js';
import { backoffDelay } from './backoff.js';
import type { ClusterReader } from './cluster-reader.js';
import type { Selectors } from './selectors.js';

export interface UsageReading {
  readonly source: MetricsSource;
  readonly nodeUsage: ReadonlyMap<string, NodeUsage>;
  readonly podUsage: ReadonlyMap<string, PodUsage>;
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
}

// After a failure the Metrics API is retried on this schedule, so kmon notices when it recovers.
const RETRY = { baseMs: 10_000, maxMs: 120_000 };

function why(error: KubeError): string {
  switch (error.kind) {
    case 'not-found':
      return 'metrics-server not installed';
    case 'unavailable':
      return 'metrics-server unavailable';
    case 'forbidden':
      return 'Metrics API forbidden (needs list pods/nodes in metrics.k8s.io)';
    default:
      return `Metrics API failed (${error.message})`;
  }
}

function fromSummaries(summaries: ReadonlyMap<string, FetchedSummary>): Pick<UsageReading, 'nodeUsage' | 'podUsage' | 'at'> {
  const nodeUsage = new Map<string, NodeUsage>();
  const podUsage = new Map<string, PodUsage>();
  let at: number | null = null;
  for (const [name, { summary, fetchedAt }] of summaries) {
    if (summary.usage) nodeUsage.set(name, summary.usage);
    for (const pod of summary.pods) podUsage.set(podKey(pod.namespace, pod.name), pod);
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

  constructor(private readonly options: UsageSourceOptions) {}

  /** Reads the Metrics API (or, while it is failing and not yet due for a retry, nothing). */
  async read(now: number, signal?: AbortSignal): Promise<UsageReading> {
    if (this.failures === 0 || now >= this.retryAt) {
      try {
        await this.fromMetricsApi(now, signal);
      } catch (error) {
        if (!isKubeError(error)) throw error;
        this.failures++;
        this.retryAt = now + backoffDelay(this.failures - 1, RETRY, error.retryAfterMs);
        this.problem = { kind: error.kind, message: why(error) };
      }
    }
    return this.current();
  }

  /** The figures to show now: the last Metrics API reading, or kubelet summaries while it fails. */
  current(): UsageReading {
    if (this.failures === 0 && this.lastGood) return this.lastGood;
    const problem = this.problem ?? { kind: 'server-error' as const, message: 'Metrics API not read yet' };
    if (this.options.summaries) {
      return {
        source: 'kubelet',
        ...fromSummaries(this.options.summaries()),
        problem: { ...problem, message: `${problem.message}: using kubelet summaries` },
      };
    }
    const last = this.lastGood;
    const message = `${problem.message}: CPU/memory ${last ? 'not refreshed' : 'unknown'}`;
    if (last) return { ...last, problem: { ...problem, message } };
    return { source: 'none', nodeUsage: new Map(), podUsage: new Map(), at: null, problem: { ...problem, message } };
  }

  private async fromMetricsApi(now: number, signal?: AbortSignal): Promise<void> {
    const { reader, namespace, selectors = {} } = this.options;
    const [nodes, pods] = await Promise.all([
      reader.nodeMetrics({ labelSelector: selectors.nodes, signal }),
      reader.podMetrics({ namespace, labelSelector: selectors.pods, signal }),
    ]);
    this.failures = 0;
    const skipped = nodes.skipped + pods.skipped;
    this.problem = skipped
      ? { kind: 'malformed', message: `Metrics API: ${skipped} invalid items left out (${nodes.firstProblem ?? pods.firstProblem})` }
      : null;
    this.lastGood = {
      source: 'metrics-api',
      nodeUsage: new Map(nodes.items.map((n) => [n.name, n])),
      podUsage: new Map(pods.items.map((p) => [podKey(p.namespace, p.name), p])),
      at: now,
      problem: this.problem,
    };
  }
}
