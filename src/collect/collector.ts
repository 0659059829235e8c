import { isKubeError } from '../kube/kube-error.js';
import { TokenBucket } from '../kube/token-bucket.js';
import { HistoryStore } from '../model/history.js';
import { type KubeletHistories, kubeletHistories } from '../model/kubelet-history.js';
import type { Problem, ProblemSource } from '../model/problems.js';
import type { NodeSummary } from '../model/records.js';
import type { Histories, Scope, Snapshot } from '../model/snapshot.js';
import { backoffDelay } from './backoff.js';
import type { ClusterReader } from './cluster-reader.js';
import { EvictionReader } from './eviction-reader.js';
import { HistoryRecorder } from './history-recorder.js';
import type { Inventory, InventoryRefresh } from './inventory.js';
import { KubeletHistoryRecorder } from './kubelet-history-recorder.js';
import type { KubeletRead } from './kubelet-read.js';
import { KubeletSweeper } from './kubelet-sweeper.js';
import { ListInventory } from './list-inventory.js';
import type { ReadProblem } from './metrics-read.js';
import { PodDiskFilter } from './pod-disk-filter.js';
import { ProblemSet } from './problem-set.js';
import type { Selectors } from './selectors.js';
import { sharedAbort } from './shared-abort.js';
import { type MetricsKinds, type UsageReading, UsageSource } from './usage-source.js';

export interface KubeletSettings {
  readonly concurrency: number;
  readonly qps: number;
  readonly burst: number;
  /** Summaries that mark a node for frequent re-reads (disk over the warning level). */
  readonly urgent?: (summary: NodeSummary) => boolean;
  /** How often nodes nobody is looking at have their disk re-read (default 30 s). */
  readonly diskRefreshMs?: number;
}

export interface CollectorOptions {
  readonly reader: ClusterReader;
  readonly scope: Scope;
  readonly intervalMs: number;
  readonly selectors?: Selectors;
  /** Which inventory lists to read (default both). */
  readonly lists?: { readonly nodes: boolean; readonly pods: boolean };
  /** Which metrics to read (default both). */
  readonly metrics?: MetricsKinds;
  /** For one-shot polls: how long reading every kubelet may take before answering without the rest. */
  readonly kubeletDeadlineMs?: number;
  /** null turns kubelet reads off (--no-kubelet); disk is then unknown. */
  readonly kubelet: KubeletSettings | null;
  readonly historyDepth?: { readonly nodes: number; readonly pods: number };
  /** One-shot faces (top, check) draw no sparklines and skip recording history. */
  readonly keepHistory?: boolean;
  /**
   * Whose disk use summaries read without their pods keep: every pod's (one-shot faces), or only
   * those with an ephemeral-storage limit or request (a screen that stays open on a big cluster).
   */
  readonly podDisk?: 'all' | 'sized';
  readonly inventory?: Inventory;
  /**
   * How long the first poll waits for the pod metrics before drawing without them (default: as
   * long as they take, as one-shot faces need). The live screen draws a big cluster's nodes first.
   */
  readonly podMetricsWaitMs?: number;
}

export type SnapshotListener = (snapshot: Snapshot) => void;

// Pods keep 40 samples (10 minutes at metrics-server's 15 s): 150,000 pods then hold 60 MB of
// history; nodes, far fewer, keep an hour. A replay keeps the same.
export const HISTORY_DEPTH = { nodes: 240, pods: 40 } as const;

const DEFAULT_DISK_REFRESH_MS = 30_000;
const NO_KUBELET = 'kubelet reads off (--no-kubelet): disk unknown';
// While the apiserver is down, polls back off to a dozen intervals, and never past a minute.
const maxBackoff = (intervalMs: number) => Math.min(60_000, 12 * intervalMs);
// Summaries arriving between polls are folded into a fresh frame this soon, without new requests.
const SUMMARY_COALESCE_MS = 250;

/**
 * The poller: refreshes on an interval without ever overlapping itself, backs off while the
 * apiserver fails, keeps the last good data with its age, and emits immutable snapshots to listeners.
 * No React here; the UI only subscribes.
 */
export class Collector {
  private readonly inventory: Inventory;
  private readonly usage: UsageSource;
  private readonly sweeper: KubeletSweeper | null;
  private readonly eviction: EvictionReader | null;
  private readonly history: Histories;
  private readonly recorder: HistoryRecorder;
  private readonly kubeletHistory: KubeletHistories;
  private readonly kubeletRecorder: KubeletHistoryRecorder;
  private readonly problems = new ProblemSet();
  private readonly diskFilter = new PodDiskFilter();
  private readonly listeners = new Set<SnapshotListener>();
  private readonly abort = sharedAbort();
  private last: { refresh: InventoryRefresh; usage: UsageReading } | null = null;
  private snapshot: Snapshot | null = null;
  private seq = 0;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private coalesce: ReturnType<typeof setTimeout> | null = null;
  private summaryFrameDone = false;
  private running = false;
  private polling = false;
  private pollAgain = false;
  private intervalMs: number;

  constructor(private readonly options: CollectorOptions) {
    const { reader, scope, selectors, kubelet } = options;
    this.intervalMs = options.intervalMs;
    this.inventory = options.inventory ?? new ListInventory({ reader, namespace: scope.namespace, selectors, lists: options.lists });
    // One budget for every read of a kubelet through the apiserver: summaries, metrics and configz.
    const bucket = kubelet ? new TokenBucket(kubelet.qps, kubelet.burst) : undefined;
    this.sweeper =
      kubelet &&
      new KubeletSweeper({
        reader,
        ...kubelet,
        bucket,
        refreshMs: options.intervalMs,
        onUpdate: (answered, news) => {
          if (answered) this.apiserverAnswered();
          if (news) this.summariesChanged();
        },
        keepPodUsage: () => this.usage.needsPodSummaries(),
        podDisk:
          options.podDisk === 'sized' ? () => (this.last ? this.diskFilter.keep(this.last.refresh.state.pods) : undefined) : undefined,
        // Summaries standing in for the Metrics API are read every poll, unless the kubelets'
        // /metrics/resource (a few KB) keeps CPU and memory current between them; for disk alone, less often.
        backgroundRefreshMs: () =>
          this.usage.usingSummaries() && !reader.nodeResource ? this.intervalMs : (kubelet.diskRefreshMs ?? DEFAULT_DISK_REFRESH_MS),
        usageRefreshMs: () => (this.usage.usingSummaries() ? this.intervalMs : null),
      });
    const sweeper = this.sweeper;
    // Eviction thresholds matter to projections, which need history: only screens that stay open read them.
    const kubeletEviction = reader.kubeletEviction?.bind(reader);
    this.eviction =
      kubelet && kubeletEviction && options.keepHistory !== false ? new EvictionReader({ reader: { kubeletEviction }, bucket }) : null;
    this.usage = new UsageSource({
      reader,
      namespace: scope.namespace,
      selectors,
      summaries: sweeper && (() => sweeper.summaries()),
      resourceUsage: () => sweeper?.resourceUsage() ?? new Map(),
      retryBaseMs: Math.min(10_000, Math.max(500, 2 * options.intervalMs)),
      intervalMs: options.intervalMs,
      kinds: options.metrics,
      podsWaitMs: options.podMetricsWaitMs,
    });
    const depth = options.historyDepth ?? HISTORY_DEPTH;
    this.history = {
      nodeUsage: new HistoryStore({ seriesCount: 2, depth: depth.nodes }),
      nodeDisk: new HistoryStore({ seriesCount: 3, depth: depth.nodes }),
      podUsage: new HistoryStore({ seriesCount: 2, depth: depth.pods }),
    };
    this.recorder = new HistoryRecorder(this.history);
    this.kubeletHistory = kubeletHistories(depth);
    this.kubeletRecorder = new KubeletHistoryRecorder(this.kubeletHistory);
    this.inventory.onListed?.(() => this.pollSoon());
    this.inventory.onRecovered?.(() => this.recovered());
    this.usage.onLate(() => this.podMetricsArrived());
  }

  subscribe(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    if (this.snapshot) listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  latest(): Snapshot | null {
    return this.snapshot;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.sweeper?.start();
    this.eviction?.start();
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    this.abort.abort();
    for (const t of [this.timer, this.coalesce]) if (t) clearTimeout(t);
    this.sweeper?.stop();
    this.eviction?.stop();
    this.inventory.close();
  }

  /**
   * Polls every `intervalMs` from now on: a fleet slows the clusters nobody is looking at and speeds
   * up the one put on screen, which is polled at once. Watches, budgets and backoff stay as they are.
   */
  pace(intervalMs: number): void {
    if (intervalMs === this.intervalMs) return;
    const sooner = intervalMs < this.intervalMs;
    this.intervalMs = intervalMs;
    if (sooner && this.failures === 0) this.pollSoon();
  }

  /** The cluster and namespace polled. */
  scope(): Scope {
    return this.options.scope;
  }

  /** The histories recorded into, for samples from before this run (a saved history, Prometheus) to be merged in. */
  histories(): Histories {
    return this.history;
  }

  /**
   * Samples were merged into the history from elsewhere, or where they come from has problems
   * (`problems`, when given, replaces the last ones): a frame shows it now, without asking the
   * cluster anything.
   */
  historyChanged(problems?: readonly Pick<Problem, 'kind' | 'message'>[]): void {
    if (problems) this.setAll('history', 'history', problems, Date.now());
    if (this.running && this.last) this.emit();
  }

  /** Nodes on screen or selected, whose kubelet figures are kept freshest. */
  prioritizeNodes(names: readonly string[]): void {
    this.sweeper?.prioritize(names);
    this.eviction?.prioritize(names);
  }

  /** Nodes of the pods on screen and of the selected pod: their pods' figures and throttling are read. */
  prioritizePodNodes(names: readonly string[]): void {
    this.sweeper?.prioritizePods(names);
  }

  /**
   * For one-shot faces, after a poll: the kubelets of the nodes running the pods listed, their
   * summaries (ephemeral storage) and, with `throttlingGapMs`, their cAdvisor read twice (or up to
   * `rounds` more times) that far apart, until the counters have moved on.
   */
  async readPodNodes(options: { readonly throttlingGapMs?: number; readonly rounds?: number } = {}): Promise<Snapshot> {
    const sweeper = this.sweeper;
    const last = this.last;
    if (!sweeper || !last) return this.emit();
    const podNodes = [...new Set(last.refresh.state.pods.flatMap((p) => (p.nodeName ? [p.nodeName] : [])))];
    sweeper.setNodes([...new Set([...last.refresh.state.nodes.map((n) => n.name), ...podNodes])]);
    await this.sweepWithin(['summary'], podNodes.length);
    if (options.throttlingGapMs === undefined) return this.emit();
    sweeper.prioritizePods(podNodes);
    const moved = () => {
      const read = sweeper.throttling();
      return podNodes.every((n) => !read.has(n) || (read.get(n)?.pods.size ?? 0) > 0 || read.get(n)?.reading.pods.length === 0);
    };
    await this.readTwice(['cadvisor'], options.throttlingGapMs, options.rounds ?? 3, moved, podNodes.length);
    return this.emit();
  }

  /** For one-shot faces, after a poll that read every summary: each read again `gapMs` later, for network rates. */
  async readRates(gapMs: number, rounds = 3): Promise<Snapshot> {
    const sweeper = this.sweeper;
    if (!sweeper) return this.emit();
    const moved = () => [...sweeper.summaries().values()].every((f) => f.rates?.node || !f.summary.network);
    await this.readTwice(['summary'], gapMs, rounds, moved, sweeper.summaries().size, true);
    return this.emit();
  }

  /** Reads again after `gapMs`, up to `rounds` times, until `moved` says the counters have. */
  private async readTwice(
    reads: readonly KubeletRead[],
    gapMs: number,
    rounds: number,
    moved: () => boolean,
    total: number,
    again = false,
  ) {
    if (!again) await this.sweepWithin(reads, total);
    for (let round = 0; round < rounds; round++) {
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      await this.sweepWithin(reads, total);
      if (moved()) return;
    }
  }

  /** One sweep of these reads within the one-shot deadline, saying how many nodes it left unread. */
  private async sweepWithin(reads: readonly KubeletRead[], total: number): Promise<void> {
    if (!this.sweeper) return;
    const unread = await this.sweeper.sweepOnce(Date.now() + (this.options.kubeletDeadlineMs ?? Number.POSITIVE_INFINITY), reads);
    const message = `kubelet: ${unread} of ${total} nodes not read within the kubelet budget; their figures are unknown (raise --kubelet-qps or --request-timeout)`;
    if (unread) this.problems.set('kubelet-budget', { source: 'kubelet', kind: 'timeout', message }, Date.now());
  }

  /**
   * One poll. `kubelet: 'all'` also reads every node's kubelet once before answering, as one-shot
   * faces need; 'fallback' does so only when the Metrics API failed and summaries must stand in.
   */
  async pollOnce(kubelet: 'background' | 'all' | 'fallback' = 'background'): Promise<Snapshot> {
    const now = Date.now();
    const [refresh, read] = await Promise.all([this.inventory.refresh(now, this.abort.signal), this.usage.read(now, this.abort.signal)]);
    const usage = refresh.nodesError && refresh.podsError ? read : this.usage.confirmCurrent(now);
    this.last = { refresh, usage };
    if (this.usage.answeredSince(now)) this.apiserverAnswered();
    this.summaryFrameDone = false;
    this.trackProblems(refresh, usage, now);
    const names = refresh.state.nodes.map((n) => n.name);
    this.sweeper?.setNodes(names);
    this.eviction?.setNodes(names);
    const sweep = kubelet === 'all' || (kubelet === 'fallback' && usage.source !== 'metrics-api');
    if (sweep && this.sweeper) {
      const unread = await this.sweeper.sweepOnce(now + (this.options.kubeletDeadlineMs ?? Number.POSITIVE_INFINITY));
      this.last = { refresh, usage: this.usage.current() };
      const message = `kubelet: ${unread} of ${refresh.state.nodes.length} nodes not read within the kubelet budget; their disk is unknown (raise --kubelet-qps or --request-timeout)`;
      if (unread) this.problems.set('kubelet-budget', { source: 'kubelet', kind: 'timeout', message }, Date.now());
    }
    return this.emit();
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    const started = Date.now();
    let delay = this.intervalMs;
    this.polling = true;
    try {
      await this.pollOnce();
      const { nodesError, podsError } = this.last?.refresh ?? {};
      const down = nodesError && podsError;
      if (!down && this.failures > 0) {
        // Back from an outage: what backed off only because the apiserver was gone is asked again now.
        this.usage.retryNow();
        this.sweeper?.retryNow();
      }
      this.failures = down ? this.failures + 1 : 0;
      const { intervalMs } = this;
      if (down) delay = backoffDelay(this.failures - 1, { baseMs: intervalMs, maxMs: maxBackoff(intervalMs) }, retryAfter(nodesError));
      else delay = Math.max(0, intervalMs - (Date.now() - started));
    } catch (error) {
      if (!this.running) return;
      this.problems.set('poll', { source: 'pods', kind: 'server-error', message: `poll failed: ${(error as Error).message}` }, Date.now());
      // The frame must say why it stopped changing.
      if (this.last) this.emit();
    }
    this.polling = false;
    if (this.pollAgain) delay = 0;
    this.pollAgain = false;
    this.schedule(delay);
  }

  // A big cluster's pod list and pod metrics arrive after the first frame (which shows the nodes);
  // each is drawn the moment it is in rather than at the next poll.
  private pollSoon(): void {
    if (!this.running) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  /**
   * A list that was failing is current again (a watch reconnected): the apiserver is back, so the
   * poll that backed off while it was gone runs now, and the frame recovers in one beat.
   */
  private recovered(): void {
    if (this.failures === 0) return;
    // What backed off only because the apiserver was gone is asked again in that poll.
    this.usage.retryNow();
    this.sweeper?.retryNow();
    this.pollSoon();
  }

  /**
   * A read went through while the lists were failing: the apiserver is back, so lists and watches
   * waiting out their backoff are asked again now, not when their backoff says.
   */
  private apiserverAnswered(): void {
    const refresh = this.last?.refresh;
    if (refresh?.nodesError || refresh?.podsError) this.inventory.retryNow?.();
  }

  private podMetricsArrived(): void {
    if (!this.running || !this.last) return;
    this.takeUsage();
    this.emit();
  }

  /** The figures as they stand now, with the problems that go with them, between polls. */
  private takeUsage(): void {
    if (!this.last) return;
    const usage = this.usage.current();
    this.last = { ...this.last, usage };
    this.trackProblems(this.last.refresh, usage, Date.now());
  }

  // At most one extra frame between polls, and only for news (a node's first figures, a kubelet
  // newly failing): a first sweep shows disk within a moment, 5,000 kubelets answering through a
  // poll do not cause 5,000 frames, and figures merely refreshed wait for the next poll's frame.
  private summariesChanged(): void {
    if (!this.running || this.coalesce || this.summaryFrameDone || !this.last) return;
    this.summaryFrameDone = true;
    this.coalesce = setTimeout(() => {
      this.coalesce = null;
      if (this.running && this.last) {
        this.takeUsage();
        this.emit();
      }
    }, SUMMARY_COALESCE_MS);
  }

  private trackProblems(refresh: InventoryRefresh, usage: UsageReading, now: number): void {
    const track = (key: string, source: ProblemSource, error: unknown) => {
      if (!error) this.problems.clear(key);
      else {
        const kind = isKubeError(error) ? error.kind : 'server-error';
        const cause = (error as Error).message;
        this.problems.set(key, { source, kind, message: `${source}: ${cause}`, cause }, now);
      }
    };
    track('nodes', 'nodes', refresh.nodesError);
    track('pods', 'pods', refresh.podsError);
    if (refresh.skipped) this.problems.set('skipped', { source: 'pods', kind: 'malformed', message: refresh.skipped }, now);
    else this.problems.clear('skipped');
    this.setAll('metrics', 'metrics', usage.problems, now);
    this.setAll(
      'notice',
      'pods',
      (refresh.notices ?? []).map((message) => ({ kind: 'degraded' as const, message })),
      now,
    );
    this.problems.clear('poll');
  }

  /** Problems of one source, keyed by place so each keeps its start time while it lasts. */
  private setAll(prefix: string, source: ProblemSource, list: readonly ReadProblem[], now: number): void {
    for (const [i, problem] of list.entries()) this.problems.set(`${prefix} ${i}`, { source, ...problem }, now);
    this.problems.retain((key) => !key.startsWith(`${prefix} `) || Number(key.slice(prefix.length + 1)) < list.length);
  }

  private emit(): Snapshot {
    const { refresh, usage } = this.last as NonNullable<Collector['last']>;
    const { state } = refresh;
    const summaries = this.sweeper?.summaries() ?? new Map();
    const throttling = this.sweeper?.throttling() ?? new Map();
    const seq = ++this.seq;
    if (this.options.keepHistory !== false)
      this.recorder.record({
        seq,
        nodes: state.nodes,
        pods: state.pods,
        nodeUsage: usage.nodeUsage,
        podUsage: usage.podUsage,
        summaries,
      });
    if (this.options.keepHistory !== false)
      this.kubeletRecorder.record({ seq, nodes: state.nodes, pods: state.pods, summaries, throttling });
    const inventoryTimes = [state.nodesAt, state.podsAt].filter((t) => t !== null);
    this.snapshot = {
      seq,
      takenAt: Date.now(),
      intervalMs: this.intervalMs,
      scope: this.options.scope,
      nodes: state.nodes,
      pods: state.pods,
      inventoryAt: inventoryTimes.length ? Math.min(...inventoryTimes) : null,
      podsListed: state.podsAt !== null,
      nodeUsage: usage.nodeUsage,
      podUsage: usage.podUsage,
      metricsSource: usage.source,
      podMetricsSource: usage.podSource,
      metricsAt: usage.at,
      summaries,
      kubeletOff: this.sweeper ? this.sweeper.offReason() : NO_KUBELET,
      problems: [...this.problems.list(), ...(this.sweeper?.currentProblems() ?? [])],
      history: this.history,
      kubelet: { throttling, history: this.kubeletHistory },
      eviction: this.eviction?.policies(),
    };
    for (const listener of this.listeners) listener(this.snapshot);
    return this.snapshot;
  }
}

function retryAfter(error: unknown): number | null {
  return isKubeError(error) ? error.retryAfterMs : null;
}
