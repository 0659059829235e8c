import { isKubeError } from '../kube/kube-error.js';
import type { RangeQuery } from '../kube/prometheus/prom-client.js';
import type { PromSeries } from '../kube/prometheus/prom-response.js';
import type { Problem } from '../model/problems.js';
import type { NodeInfo, PodInfo } from '../model/records.js';
import type { Histories, Snapshot } from '../model/snapshot.js';
import { type Candidate, type HistoryName, promString, SERIES, type SeriesSpec, STEP_PROBES } from './prometheus-queries.js';
import { nodeOwner, podOwner } from './series-owner.js';

/** The Prometheus reads the backfill needs; PromClient provides them, tests may pass fakes. */
export interface PromReader {
  readonly where: string;
  queryRange(query: RangeQuery, signal?: AbortSignal): Promise<PromSeries[]>;
  query(query: string, time: number, signal?: AbortSignal): Promise<PromSeries[]>;
  close?(): void;
}

/** What the backfill fills and tells: the collector. */
export interface BackfillTarget {
  histories(): Histories;
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  historyChanged(problems: readonly Pick<Problem, 'kind' | 'message'>[]): void;
}

export interface BackfillOptions {
  readonly reader: PromReader;
  /** How far back to fetch (default an hour). */
  readonly windowMs?: number;
  /** Past this many pods, pods' history is fetched as their detail opens rather than all at start. */
  readonly maxStartPods?: number;
  readonly now?: () => number;
}

type Job = { readonly kind: 'nodes' } | { readonly kind: 'pods' } | { readonly kind: 'pod'; readonly uid: string };

const HOUR = 60 * 60_000;
const DEFAULT_STEP_MS = 15_000;
const MAX_START_PODS = 5_000;

/** The node's root-reserved share of its disk, which cAdvisor's used bytes leave out and the kubelet's available bytes do not. */
function reservedPercent(snapshot: Snapshot, node: NodeInfo): number {
  const fs = snapshot.summaries.get(node.name)?.summary.fs;
  if (!fs || fs.usedBytes === null || fs.availableBytes === null || !(fs.capacityBytes > 0)) return 0;
  return Math.max(0, ((fs.capacityBytes - fs.availableBytes - fs.usedBytes) / fs.capacityBytes) * 100);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

function selectorOf(labels: Readonly<Record<string, string>>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${promString(v)}`)
    .join(',')}}`;
}

/**
 * Fills the live screen's histories with the recent past from Prometheus: the nodes' once they are
 * listed, the pods' once listed (or each as its detail opens, on a big cluster), at the scrape step
 * or coarser where a history keeps fewer samples than the window holds. It runs beside the polls,
 * one query at a time, and never holds a frame back: a slow or failing Prometheus only leaves the
 * charts starting later, and the header says why. Samples go under the live ones, never between.
 */
export class PrometheusBackfill {
  private readonly abort = new AbortController();
  private readonly windowMs: number;
  private readonly maxStartPods: number;
  private readonly now: () => number;
  private latest: Snapshot | null = null;
  private unsubscribe: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly queued = new Set<string>();
  private readonly succeeded = new Set<string>();
  private readonly failed = new Set<string>();
  private scrapeStepMs: number | null = null;
  // By fetch: the nodes' may fail while the pods' succeed.
  private readonly failures = new Map<string, Pick<Problem, 'kind' | 'message'>>();
  private readonly missing = new Map<string, string>();

  constructor(
    private readonly target: BackfillTarget,
    private readonly options: BackfillOptions,
  ) {
    this.windowMs = options.windowMs ?? HOUR;
    this.maxStartPods = options.maxStartPods ?? MAX_START_PODS;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.unsubscribe ??= this.target.subscribe((snapshot) => {
      this.latest = snapshot;
      if (snapshot.inventoryAt !== null && snapshot.nodes.length > 0) this.enqueue({ kind: 'nodes' });
      if (snapshot.podsListed && snapshot.pods.length > 0 && snapshot.pods.length <= this.maxStartPods) this.enqueue({ kind: 'pods' });
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.abort.abort();
    this.options.reader.close?.();
  }

  /** A detail opened: its object's past is fetched now if it was not (a big cluster's pod, or a fetch that failed). */
  detail(pane: 'nodes' | 'pods', uid: string): void {
    if (pane === 'nodes') this.enqueue({ kind: 'nodes' }, true);
    else if (!this.succeeded.has('pods')) this.enqueue({ kind: 'pod', uid }, true);
  }

  /** Resolves once every fetch asked for so far has ended, for tests. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Queues a fetch unless it is queued or has succeeded; one that failed is asked again only on `again` (a detail opening). */
  private enqueue(job: Job, again = false): void {
    const key = keyOf(job);
    if (this.queued.has(key) || this.succeeded.has(key) || this.abort.signal.aborted) return;
    if (this.failed.has(key) && !again) return;
    this.queued.add(key);
    this.queue = this.queue.then(() => this.run(job)).finally(() => this.queued.delete(key));
  }

  private async run(job: Job): Promise<void> {
    const snapshot = this.latest;
    if (!snapshot || this.abort.signal.aborted) return;
    const key = keyOf(job);
    try {
      const stepMs = await this.scrapeStep();
      if (job.kind === 'nodes') {
        await this.fill('nodeUsage', snapshot, '', stepMs);
        await this.fill('nodeDisk', snapshot, '', stepMs);
      } else {
        const pod = job.kind === 'pod' ? snapshot.pods.find((p) => p.uid === job.uid) : undefined;
        if (job.kind === 'pod' && !pod) return;
        const namespace = pod?.namespace ?? snapshot.scope.namespace;
        const matchers = `${namespace ? `,namespace=${promString(namespace)}` : ''}${pod ? `,pod=${promString(pod.name)}` : ''}`;
        await this.fill('podUsage', snapshot, matchers, stepMs);
      }
      this.succeeded.add(key);
      this.failed.delete(key);
      this.failures.delete(key);
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.failed.add(key);
      this.failures.set(key, { kind: isKubeError(error) ? error.kind : 'server-error', message: this.failureText(error) });
    }
    this.report();
  }

  private failureText(error: unknown): string {
    const { where } = this.options.reader;
    const message = error instanceof Error ? error.message : String(error);
    return `Prometheus ${message.includes(where) ? message : `${where}: ${message}`}; charts start with the live samples`;
  }

  private report(): void {
    const problems = [...new Map([...this.failures.values()].map((f) => [f.message, f])).values()];
    if (this.missing.size > 0)
      problems.push({
        kind: 'not-found',
        message: `Prometheus has no ${[...this.missing.values()].join('; no ')}: those charts start with the live samples`,
      });
    this.target.historyChanged(problems);
  }

  /** How often Prometheus has samples of the kubelets: the median gap between one series' raw samples. */
  private async scrapeStep(): Promise<number> {
    if (this.scrapeStepMs !== null) return this.scrapeStepMs;
    const { reader } = this.options;
    const signal = this.abort.signal;
    let step: number | null = null;
    for (const probe of STEP_PROBES) {
      const now = this.now();
      const [first] = await reader.query(probe, now, signal);
      if (!first) continue;
      const [raw] = await reader.query(`${selectorOf(first.labels)}[10m]`, now, signal);
      const times = raw?.times ?? [];
      step = median(times.slice(1).map((t, i) => t - (times[i] as number)));
      if (step !== null) break;
    }
    this.scrapeStepMs = Math.min(5 * 60_000, Math.max(1_000, Math.round((step ?? DEFAULT_STEP_MS) / 1000) * 1000));
    return this.scrapeStepMs;
  }

  /** One history's series for the window, merged under the live samples of each node or pod. */
  private async fill(history: HistoryName, snapshot: Snapshot, podMatchers: string, scrapeStepMs: number): Promise<void> {
    const store = this.target.histories()[history];
    const stepMs = Math.max(scrapeStepMs, Math.ceil(this.windowMs / store.depth / 1000) * 1000);
    const end = Math.floor(this.now() / stepMs) * stepMs;
    const range = { start: end - Math.floor(this.windowMs / stepMs) * stepMs, end, stepMs };
    const rows = new Map<string, Map<number, number[]>>();
    for (const spec of SERIES.filter((s) => s.history === history))
      await this.gather(spec, range, podMatchers, scrapeStepMs, snapshot, rows);
    const tick = this.latest?.seq ?? snapshot.seq;
    for (const [uid, byTime] of rows) {
      const times = [...byTime.keys()].sort((a, b) => a - b);
      store.merge(
        uid,
        times,
        times.map((t) => byTime.get(t) ?? []),
        tick,
      );
    }
  }

  /**
   * A series from its first candidate that Prometheus has, and from the next for the objects that
   * one leaves out (a node whose resource endpoint is not scraped but its cAdvisor is); notes a
   * series Prometheus has none of, or whose series match no object.
   */
  private async gather(
    spec: SeriesSpec,
    range: Omit<RangeQuery, 'query'>,
    podMatchers: string,
    scrapeStepMs: number,
    snapshot: Snapshot,
    rows: Map<string, Map<number, number[]>>,
  ): Promise<void> {
    const rateRange = `${Math.ceil((4 * scrapeStepMs) / 1000)}s`;
    const covered = new Set<string>();
    let answered = false;
    for (const candidate of spec.candidates) {
      const series = await this.options.reader.queryRange({ ...range, query: candidate.query(rateRange, podMatchers) }, this.abort.signal);
      answered ||= series.length > 0;
      this.place(spec, { candidate, series }, snapshot, rows, covered);
      if (spec.owner === 'pod' || covered.size >= snapshot.nodes.length) break;
    }
    this.missing.delete(spec.what);
    // One pod with no samples says nothing about the rest.
    if (podMatchers.includes(',pod=')) return;
    const owners = spec.owner === 'node' ? 'node label or instance IP' : 'namespace and pod labels';
    if (!answered) this.missing.set(spec.what, `${spec.what} (${spec.candidates.map((c) => c.reads).join(' or ')})`);
    else if (covered.size === 0) this.missing.set(spec.what, `${spec.what} of these ${spec.owner}s (its series' ${owners} match none)`);
  }

  /** Puts each series' samples in its object's rows, for objects not `covered` yet, and adds them to it. */
  private place(
    spec: SeriesSpec,
    found: { candidate: Candidate; series: PromSeries[] },
    snapshot: Snapshot,
    rows: Map<string, Map<number, number[]>>,
    covered: Set<string>,
  ): void {
    const latest = this.latest ?? snapshot;
    const seriesCount = this.target.histories()[spec.history].seriesCount;
    const ownerOf = spec.owner === 'node' ? nodeOwner(snapshot.nodes) : podOwner(snapshot.pods);
    const coveredNow = new Set<string>();
    for (const series of found.series) {
      const owner: NodeInfo | PodInfo | undefined = ownerOf(series.labels);
      if (!owner || covered.has(owner.uid)) continue;
      coveredNow.add(owner.uid);
      const shift = found.candidate.usedNotAvailable ? reservedPercent(latest, owner as NodeInfo) : 0;
      const since = spec.owner === 'pod' ? (owner as PodInfo).createdAt : Number.NEGATIVE_INFINITY;
      let byTime = rows.get(owner.uid);
      if (!byTime) {
        byTime = new Map();
        rows.set(owner.uid, byTime);
      }
      series.times.forEach((t, i) => {
        const value = series.values[i] as number;
        if (!Number.isFinite(value) || t < since) return;
        let row = byTime.get(t);
        if (!row) {
          row = new Array<number>(seriesCount).fill(Number.NaN);
          byTime.set(t, row);
        }
        row[spec.series] = value + shift;
      });
    }
    for (const uid of coveredNow) covered.add(uid);
  }
}

function keyOf(job: Job): string {
  return job.kind === 'pod' ? `pod ${job.uid}` : job.kind;
}
