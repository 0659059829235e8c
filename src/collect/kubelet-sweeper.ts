import { isKubeError } from '../kube/kube-error.js';
import { TokenBucket } from '../kube/token-bucket.js';
import type { CumulativeUsage } from '../model/cumulative-usage.js';
import type { Problem } from '../model/problems.js';
import type { NodeSummary } from '../model/records.js';
import { usageBetween } from '../model/resource-usage.js';
import type { FetchedSummary, FetchedThrottling } from '../model/snapshot.js';
import { summaryRates } from '../model/summary-rates.js';
import { throttlingBetween } from '../model/throttling.js';
import { backoffDelay } from './backoff.js';
import type { ClusterReader } from './cluster-reader.js';
import { type KubeletRead, READ_PATHS, type ReadState, readState } from './kubelet-read.js';
import { ProblemSet } from './problem-set.js';
import { sharedAbort } from './shared-abort.js';
import { SweepOrder } from './sweep-order.js';
import type { FetchedUsage } from './usage-source.js';

export interface SweeperOptions {
  readonly reader: Pick<ClusterReader, 'nodeSummary' | 'nodeCadvisor' | 'nodeResource'>;
  /** Kubelet reads in flight at once. */
  readonly concurrency: number;
  /** Budget for kubelet reads through the apiserver, per second, and the burst allowed above it. */
  readonly qps: number;
  readonly burst: number;
  /** How old a wanted (visible, selected or alerting) node's summary may get. */
  readonly refreshMs: number;
  /**
   * How old any other node's summary may get (default refreshMs). Disk fills over minutes, so
   * while summaries only bring disk figures this can be far longer than the poll interval.
   */
  readonly backgroundRefreshMs?: () => number;
  /**
   * While CPU and memory must come from the kubelets: how old they may get (null: they need not).
   * Between a node's summaries they come from /metrics/resource, a few KB instead of a summary.
   */
  readonly usageRefreshMs?: () => number | null;
  /** Nodes whose last summary says they need watching (e.g. disk over the warning level). */
  readonly urgent?: (summary: NodeSummary) => boolean;
  /**
   * After each read: whether it was answered, and whether it told something new to show between
   * polls (a node's first figures, or a failure where there were figures).
   */
  readonly onUpdate?: (answered: boolean, news: boolean) => void;
  /** Whether per-pod CPU/memory in summaries is wanted (only while they stand in for the Metrics API). */
  readonly keepPodUsage?: () => boolean;
  /**
   * Whose disk use a summary read without its pods keeps (default every pod's): on a big cluster,
   * only pods with an ephemeral-storage limit or request can alert or sort by EPH%.
   */
  readonly podDisk?: () => ((namespace: string, name: string) => boolean) | undefined;
  /** The budget, when other kubelet reads (configz) share it; by default one of qps and burst. */
  readonly bucket?: TokenBucket;
}

interface NodeState {
  readonly reads: Record<KubeletRead, ReadState>;
  fetched: FetchedSummary | null;
  /** The last summary says the node needs watching (options.urgent). */
  urgent: boolean;
  /** The last cumulative CPU counters (from a summary or /metrics/resource), for the next rate. */
  counters: { usage: CumulativeUsage; fetchedAt: number } | null;
  usage: FetchedUsage | null;
  throttling: FetchedThrottling | null;
}

// A failing node is retried after a refresh interval (at least 0.5 s, at most 5 s), doubling to 2 minutes.
const failureBackoff = (refreshMs: number) => ({ baseMs: Math.min(5_000, Math.max(500, refreshMs)), maxMs: 120_000 });
// While nodes/proxy is forbidden, one probe this often notices when the permission is granted.
const FORBIDDEN_PROBE_MS = 60_000;
// A read that failed as a retry can mend (a connection reset before the answer) is asked again at
// once, within the budget, this many times before it counts as a failure: as client-go retries GETs.
const QUICK_RETRIES = 2;
// cAdvisor refreshes its counters every 10 s or so (the kubelet's housekeeping): reading more often
// shows nothing new, and an answer is about 80 KB a pod.
const THROTTLING_MIN_REFRESH_MS = 10_000;
// Throttling of nodes whose pods have left the screen is shown this much longer, then dropped.
const THROTTLING_KEPT_MS = 60_000;

/** Lower goes first: what is on screen, then CPU/memory standing in for the Metrics API, then the rest. */
const RANK = { first: 0, usage: 1, background: 2 } as const;

interface Due {
  readonly at: number;
  readonly rank: number;
  /** How far past due, against the read's own interval where reads of different intervals compete. */
  readonly lateness: number;
}

const READS: readonly KubeletRead[] = ['summary', 'cadvisor', 'resource'];

/** The reads every node may be asked for, each kept in the order the sweeper makes it. */
type RoundRobin = 'summary' | 'resource';
const isRoundRobin = (read: KubeletRead): read is RoundRobin => read !== 'cadvisor';

interface Job {
  readonly name: string;
  readonly read: KubeletRead;
  readonly rank: number;
  readonly lateness: number;
}

/**
 * Reads every node's kubelet under one request budget: summaries of every node (disk, and the rest
 * of what the kubelet knows), /metrics/cadvisor of the nodes of pods on screen (throttling), and
 * /metrics/resource while CPU and memory must come from the kubelets. Wanted and alerting nodes go
 * first, the rest round-robin by age, failures backed off per node and read. It runs beside the
 * poll rather than inside it, so one slow kubelet never holds back a frame.
 */
export class KubeletSweeper {
  private readonly nodes = new Map<string, NodeState>();
  private readonly problems = new ProblemSet();
  private readonly bucket: TokenBucket;
  private wanted = new Set<string>();
  private podNodes = new Set<string>();
  private readonly urgentNodes = new Set<string>();
  // cAdvisor is read only for podNodes, so it needs no order of its own; a node joins the order of
  // /metrics/resource with its first summary, which every rate against it needs.
  private readonly orders: Record<RoundRobin, SweepOrder<ReadState>> = { summary: new SweepOrder(), resource: new SweepOrder() };
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private forbiddenSince: number | null = null;
  // Set during sweepOnce: each node is read once for each of these kinds, never again, however soon it falls due.
  private oneShot: { since: number; reads: ReadonlySet<KubeletRead> } | null = null;
  private abort = sharedAbort();
  private settled: Array<() => void> = [];

  constructor(private readonly options: SweeperOptions) {
    this.bucket = options.bucket ?? new TokenBucket(options.qps, options.burst);
  }

  /** The nodes that exist now; state of vanished nodes is dropped. */
  setNodes(names: readonly string[]): void {
    const live = new Set(names);
    for (const [name, state] of this.nodes) if (!live.has(name)) this.drop(name, state);
    for (const name of names) {
      if (this.nodes.has(name)) continue;
      const state: NodeState = {
        reads: { summary: readState(name), resource: readState(name), cadvisor: readState(name) },
        fetched: null,
        urgent: false,
        counters: null,
        usage: null,
        throttling: null,
      };
      this.nodes.set(name, state);
      this.orders.summary.add(state.reads.summary);
    }
    this.problems.retain((key) => live.has(key.split('\t')[0] ?? key));
    this.pump();
  }

  /** Nodes on screen or selected: kept within refreshMs before any other node is read. */
  prioritize(names: readonly string[]): void {
    this.wanted = new Set(names);
    this.pump();
  }

  /**
   * Nodes of the pods on screen and of the selected pod: their pods are read in full (network,
   * pressure) and their cAdvisor for throttling, within refreshMs, before any other node.
   */
  prioritizePods(names: readonly string[]): void {
    const before = this.podNodes;
    this.podNodes = new Set(names);
    // cAdvisor is no longer asked of the nodes that left: their failures go with them.
    for (const name of before) if (!this.podNodes.has(name)) this.forget(name, 'cadvisor');
    this.pump();
  }

  start(): void {
    this.running = true;
    // A one-shot face may sweep again after a sweep stopped it (throttling reads cAdvisor twice).
    if (this.abort.signal.aborted) this.abort = sharedAbort();
    this.pump();
  }

  stop(): void {
    this.running = false;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Reads every node once for each of `reads` (cAdvisor only for the nodes given to prioritizePods),
   * for one-shot faces, and resolves when each has answered or failed, at once when nodes/proxy
   * turns out to be forbidden (then no node will answer), or at `deadline` (epoch ms): 5,000
   * kubelets under a 20/s budget take minutes, which a one-shot face must not. Resolves with the
   * number of nodes left unread.
   */
  async sweepOnce(deadline = Number.POSITIVE_INFINITY, reads: readonly KubeletRead[] = ['summary']): Promise<number> {
    const since = Date.now();
    const wanted = new Set(reads);
    const pending = (name: string, state: NodeState) =>
      [...wanted].some((read) => this.applies(read, name) && (state.reads[read].lastAttempt < since || state.reads[read].inFlight));
    const unread = () => [...this.nodes].filter(([name, state]) => pending(name, state)).length;
    const done = () => this.forbiddenSince !== null || unread() === 0;
    // Without it, nodes due again at once (one-shot faces run with refreshMs 0) would be re-read
    // while others are in flight, and done() might never see every read settled.
    this.oneShot = { since, reads: wanted };
    this.start();
    let expired = false;
    const timer = Number.isFinite(deadline)
      ? setTimeout(
          () => {
            expired = true;
            for (const resolve of this.settled.splice(0)) resolve();
          },
          Math.max(0, deadline - Date.now()),
        )
      : null;
    while (!done() && !expired) await new Promise<void>((resolve) => this.settled.push(resolve));
    if (timer) clearTimeout(timer);
    const left = this.forbiddenSince === null ? unread() : 0;
    this.oneShot = null;
    this.stop();
    return left;
  }

  /** The apiserver is back after an outage: nodes that failed only because of it are read again now. */
  retryNow(): void {
    for (const state of this.nodes.values()) {
      for (const kind of READS) {
        const read = state.reads[kind];
        if (!read.apiserverDown) continue;
        read.failures = 0;
        read.lastAttempt = 0;
        read.apiserverDown = false;
        if (isRoundRobin(kind)) this.orders[kind].again(read);
      }
    }
    this.pump();
  }

  summaries(): ReadonlyMap<string, FetchedSummary> {
    const out = new Map<string, FetchedSummary>();
    for (const [name, state] of this.nodes) if (state.fetched) out.set(name, state.fetched);
    return out;
  }

  /** CPU and memory from /metrics/resource, per node, where read since the node's last summary. */
  resourceUsage(): ReadonlyMap<string, FetchedUsage> {
    const out = new Map<string, FetchedUsage>();
    for (const [name, state] of this.nodes) if (state.usage) out.set(name, state.usage);
    return out;
  }

  /** Throttling of the nodes of pods on screen (and, for a minute, of those just left). */
  throttling(now = Date.now()): ReadonlyMap<string, FetchedThrottling> {
    const out = new Map<string, FetchedThrottling>();
    for (const [name, { throttling }] of this.nodes) {
      if (throttling && (this.podNodes.has(name) || now - throttling.fetchedAt < THROTTLING_KEPT_MS)) out.set(name, throttling);
    }
    return out;
  }

  currentProblems(): Problem[] {
    return this.problems.list();
  }

  /** Set while the apiserver forbids nodes/proxy: kubelet reads are paused and disk is unknown. */
  offReason(): string | null {
    return this.forbiddenSince === null ? null : 'nodes/proxy forbidden: disk unknown (needs get nodes/proxy)';
  }

  /** Whether a read is asked of this node at all. */
  private applies(read: KubeletRead, name: string): boolean {
    const { reader } = this.options;
    if (read === 'cadvisor') return !!reader.nodeCadvisor && this.podNodes.has(name);
    if (read === 'resource') return !!reader.nodeResource;
    return true;
  }

  private isFirst(name: string, state: NodeState): boolean {
    return state.urgent || this.wanted.has(name) || this.podNodes.has(name);
  }

  /** Nodes on screen, of pods on screen, or alerting: each once. */
  private *firstNames(): Iterable<string> {
    yield* this.wanted;
    for (const name of this.podNodes) if (!this.wanted.has(name)) yield name;
    for (const name of this.urgentNodes) if (!this.wanted.has(name) && !this.podNodes.has(name)) yield name;
  }

  /** Whether /metrics/resource is read now, of nodes not on screen. */
  private asksResource(): boolean {
    if (!this.options.reader.nodeResource) return false;
    if (this.oneShot) return this.oneShot.reads.has('resource');
    return (this.options.usageRefreshMs?.() ?? null) !== null;
  }

  /**
   * When a read of this node falls due, in which rank, and how late it is (latest first within a
   * rank); null when it is not asked of the node now.
   */
  private due(name: string, state: NodeState, read: KubeletRead, first: boolean, now: number): Due | null {
    if (!this.applies(read, name)) return null;
    const r = state.reads[read];
    const { refreshMs, backgroundRefreshMs, usageRefreshMs } = this.options;
    const late = (since: number, every = 1) => (now - since) / Math.max(1, every);
    if (this.oneShot)
      return this.oneShot.reads.has(read) && r.lastAttempt < this.oneShot.since
        ? { at: 0, rank: first ? RANK.first : RANK.background, lateness: late(r.lastAttempt) }
        : null;
    const failedAt = r.failures > 0 ? r.lastAttempt + backoffDelay(r.failures - 1, failureBackoff(refreshMs), r.retryAfterMs) : null;
    if (read === 'cadvisor') {
      return {
        at: failedAt ?? r.lastAttempt + Math.max(refreshMs, THROTTLING_MIN_REFRESH_MS),
        rank: RANK.first,
        lateness: late(r.lastAttempt),
      };
    }
    const usageEvery = first ? null : (usageRefreshMs?.() ?? null);
    if (read === 'summary') {
      const every = first || !backgroundRefreshMs ? refreshMs : Math.max(refreshMs, backgroundRefreshMs());
      const at = failedAt ?? (r.lastAttempt === 0 ? 0 : r.lastAttempt + every);
      if (first) return { at, rank: RANK.first, lateness: late(r.lastAttempt) };
      // While CPU and memory must come from the kubelets, summaries (disk) and /metrics/resource
      // (CPU and memory) share a rank, each as late as it is against its own interval: when the
      // budget cannot keep up, both fall behind alike rather than one starving the other.
      return {
        at,
        rank: usageEvery === null ? RANK.background : RANK.usage,
        lateness: late(r.lastAttempt, usageEvery === null ? 1 : every),
      };
    }
    // /metrics/resource only fills in between the summaries of nodes not on screen.
    if (usageEvery === null || state.fetched === null) return null;
    const since = Math.max(r.lastAttempt, state.reads.summary.lastAttempt);
    return { at: failedAt ?? since + usageEvery, rank: RANK.usage, lateness: late(since, usageEvery) };
  }

  /**
   * The read to make next among those due: wanted or alerting nodes first, then the one read longest
   * ago, which makes the rest a round-robin when the budget cannot keep every node fresh. Only the
   * few first nodes, the failing and the head of each line are looked at, never all 5,000 nodes.
   */
  private next(now: number): { job: Job | null; wait: number } {
    let best: Job | null = null;
    let wait = Number.POSITIVE_INFINITY;
    const consider = (name: string, state: NodeState, read: KubeletRead, first: boolean): void => {
      if (state.reads[read].inFlight) return;
      const due = this.due(name, state, read, first, now);
      if (!due) {
        if (!this.oneShot) this.forget(name, read);
      } else if (due.at > now) {
        wait = Math.min(wait, due.at - now);
      } else if (!best || due.rank < best.rank || (due.rank === best.rank && due.lateness > best.lateness)) {
        best = { name, read, rank: due.rank, lateness: due.lateness };
      }
    };
    for (const name of this.firstNames()) {
      const state = this.nodes.get(name);
      if (state) for (const read of READS) consider(name, state, read, true);
    }
    if ((best as Job | null)?.rank === RANK.first) return { job: best, wait };
    for (const read of ['summary', 'resource'] as const) {
      const order = this.orders[read];
      if (read === 'resource' && !this.asksResource()) {
        for (const r of order.failing) this.forget(r.name, read);
        continue;
      }
      const background = (r: ReadState) => {
        const state = this.nodes.get(r.name);
        return state && !r.inFlight && !this.isFirst(r.name, state) ? state : null;
      };
      for (const r of order.failing) {
        const state = background(r);
        if (state) consider(r.name, state, read, false);
      }
      // The first of each line not in flight was asked longest ago, so it falls due first.
      for (const line of [order.fresh, order.healthy]) {
        for (const r of line) {
          const state = background(r);
          if (!state) continue;
          consider(r.name, state, read, false);
          break;
        }
      }
    }
    return { job: best, wait };
  }

  /**
   * A read no longer asked of a node (/metrics/resource once the Metrics API is back, cAdvisor once
   * its pods left the screen) takes its failure with it: nothing will read it again to clear it.
   */
  private forget(name: string, read: KubeletRead): void {
    const r = this.nodes.get(name)?.reads[read];
    if (!r || r.failures === 0) return;
    r.failures = 0;
    r.retryAfterMs = null;
    r.apiserverDown = false;
    if (isRoundRobin(read)) this.orders[read].again(r);
    this.problems.clear(problemKey(name, read));
  }

  /** A node gone from the cluster: its state and its places in line. */
  private drop(name: string, state: NodeState): void {
    this.nodes.delete(name);
    this.urgentNodes.delete(name);
    for (const read of ['summary', 'resource'] as const) this.orders[read].remove(state.reads[read]);
  }

  private pump(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight < this.options.concurrency) {
      const now = Date.now();
      if (this.forbiddenSince !== null && now - this.forbiddenSince < FORBIDDEN_PROBE_MS) {
        this.schedule(this.forbiddenSince + FORBIDDEN_PROBE_MS - now);
        return;
      }
      // The budget first: at 5,000 nodes finding the next one is the costlier question.
      const tokenWait = this.bucket.waitMs();
      if (tokenWait > 0) {
        this.schedule(tokenWait);
        return;
      }
      const { job, wait } = this.next(now);
      if (job === null) {
        if (Number.isFinite(wait)) this.schedule(wait);
        return;
      }
      this.bucket.tryTake();
      void this.read(job.name, job.read);
    }
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), Math.max(1, ms));
  }

  private async read(name: string, kind: KubeletRead): Promise<void> {
    const state = this.nodes.get(name);
    if (!state) return;
    const r = state.reads[kind];
    r.inFlight = true;
    r.lastAttempt = Date.now();
    if (isRoundRobin(kind)) this.orders[kind].asked(r);
    this.inFlight++;
    let answered = false;
    let news = false;
    try {
      news = await this.take(name, state, kind);
      answered = true;
      r.failures = 0;
      r.retries = 0;
      r.retryAfterMs = null;
      r.apiserverDown = false;
      this.forbiddenSince = null;
      this.problems.clear(problemKey(name, kind));
    } catch (error) {
      // A node that went away during the read has no row to explain: its failure is not news.
      if (this.nodes.get(name) === state) news = this.failed(name, state, kind, error);
    } finally {
      r.inFlight = false;
      this.inFlight--;
    }
    for (const resolve of this.settled.splice(0)) resolve();
    if (!this.running) return;
    this.options.onUpdate?.(answered, news);
    this.pump();
  }

  /** Makes the read and keeps what it brought; whether that is news worth a frame between polls. */
  private async take(name: string, state: NodeState, kind: KubeletRead): Promise<boolean> {
    const { reader } = this.options;
    const signal = this.abort.signal;
    if (kind === 'summary') {
      const hadFigures = state.fetched !== null && state.reads.summary.failures === 0;
      // 5,000 summaries carry 150,000 pods' usage; read only while it is the source of CPU/memory.
      const podsKept = this.options.keepPodUsage?.() !== false;
      const detail = this.podNodes.has(name);
      const summary = await reader.nodeSummary(name, { signal, pods: podsKept, detail, podDisk: this.options.podDisk?.() });
      const fetchedAt = Date.now();
      if (state.fetched === null && this.nodes.get(name) === state) this.orders.resource.add(state.reads.resource);
      state.fetched = { summary, fetchedAt, podsKept, detail, rates: summaryRates(state.fetched, summary, fetchedAt) };
      state.urgent = this.options.urgent?.(summary) === true;
      if (state.urgent) this.urgentNodes.add(name);
      else this.urgentNodes.delete(name);
      if (summary.counters) state.counters = { usage: summary.counters, fetchedAt };
      // The summary's own figures are newer than any /metrics/resource read before it.
      state.usage = null;
      return !hadFigures;
    }
    if (kind === 'cadvisor' && reader.nodeCadvisor) {
      const reading = await reader.nodeCadvisor(name, { signal });
      const before = state.throttling;
      const fetchedAt = Date.now();
      const pods = throttlingBetween(before?.reading ?? null, reading, before?.pods ?? null, fetchedAt);
      state.throttling = { reading, pods, fetchedAt };
      return (before?.pods.size ?? 0) === 0 && pods.size > 0;
    }
    if (kind === 'resource' && reader.nodeResource) {
      const usage = await reader.nodeResource(name, { signal });
      const fetchedAt = Date.now();
      const between = usageBetween(state.counters?.usage ?? null, usage, { before: state.counters?.fetchedAt ?? 0, after: fetchedAt });
      state.counters = { usage, fetchedAt };
      if (between.node || between.pods.length) state.usage = { ...between, fetchedAt };
    }
    return false;
  }

  /** Records a failure; whether it is news (a failure where there were figures). */
  private failed(name: string, state: NodeState, kind: KubeletRead, error: unknown): boolean {
    const r = state.reads[kind];
    const hadFigures = kind === 'summary' && state.fetched !== null && r.failures === 0;
    const kube = isKubeError(error) ? error : null;
    // Only a connection that broke before the answer: a kubelet that answered 5xx is backed off.
    if (kube?.retryable && kube.status === null && r.retries < QUICK_RETRIES) {
      r.retries++;
      // Due again now; a one-shot sweep counts it as not read yet.
      r.lastAttempt = 0;
      if (isRoundRobin(kind)) this.orders[kind].again(r);
      return false;
    }
    r.retries = 0;
    r.failures++;
    if (isRoundRobin(kind)) this.orders[kind].failed(r);
    r.retryAfterMs = kube?.retryAfterMs ?? null;
    r.apiserverDown = kube?.kind === 'unreachable';
    if (kube?.kind === 'forbidden') this.forbiddenSince = Date.now();
    const what = kind === 'summary' ? '' : `${READ_PATHS[kind]}: `;
    const message = `kubelet on ${name}: ${what}${kube ? kube.message : (error as Error).message}`;
    // Only a summary's failure leaves the node's disk unknown; the others say so without the node.
    const problem = {
      source: 'kubelet' as const,
      kind: kube?.kind ?? 'server-error',
      message,
      ...(kind === 'summary' ? { node: name } : {}),
    };
    this.problems.set(problemKey(name, kind), problem, Date.now());
    return hadFigures;
  }
}

function problemKey(name: string, kind: KubeletRead): string {
  return kind === 'summary' ? name : `${name}\t${kind}`;
}
