import { isKubeError } from '../kube/kube-error.js';
import { TokenBucket } from '../kube/token-bucket.js';
import type { Problem } from '../model/problems.js';
import type { NodeSummary } from '../model/records.js';
import type { FetchedSummary } from '../model/snapshot.js';
import { backoffDelay } from './backoff.js';
import type { ClusterReader } from './cluster-reader.js';
import { ProblemSet } from './problem-set.js';
import { sharedAbort } from './shared-abort.js';
import { SweepOrder } from './sweep-order.js';

export interface SweeperOptions {
  readonly reader: Pick<ClusterReader, 'nodeSummary'>;
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
  /** Nodes whose last summary says they need watching (e.g. disk over the warning level). */
  readonly urgent?: (summary: NodeSummary) => boolean;
  /**
   * After each read: whether it was answered, and whether it told something new to show between
   * polls (a node's first figures, or a failure where there were figures).
   */
  readonly onUpdate?: (answered: boolean, news: boolean) => void;
  /** Whether per-pod CPU/memory in summaries is wanted (only while they stand in for the Metrics API). */
  readonly keepPodUsage?: () => boolean;
}

interface NodeState {
  readonly name: string;
  fetched: FetchedSummary | null;
  /** The last summary says the node needs watching (options.urgent). */
  urgent: boolean;
  lastAttempt: number;
  failures: number;
  /** Quick re-reads spent on failures a retry can mend (a reset before the answer). */
  retries: number;
  retryAfterMs: number | null;
  /** The apiserver, not this node, failed the last read. */
  apiserverDown: boolean;
  inFlight: boolean;
}

// A failing node is retried after a refresh interval (at least 0.5 s, at most 5 s), doubling to 2 minutes.
const failureBackoff = (refreshMs: number) => ({ baseMs: Math.min(5_000, Math.max(500, refreshMs)), maxMs: 120_000 });
// While nodes/proxy is forbidden, one probe this often notices when the permission is granted.
const FORBIDDEN_PROBE_MS = 60_000;
// A read that failed as a retry can mend (a connection reset before the answer) is asked again at
// once, within the budget, this many times before it counts as a failure: as client-go retries GETs.
const QUICK_RETRIES = 2;

/**
 * Reads every node's kubelet Summary API under a request budget: wanted and alerting nodes first,
 * the rest round-robin by age, failures backed off per node. It runs beside the poll rather than
 * inside it, so one slow kubelet never holds back a frame.
 */
export class KubeletSweeper {
  private readonly nodes = new Map<string, NodeState>();
  private readonly order = new SweepOrder<NodeState>();
  private readonly urgentNodes = new Set<NodeState>();
  private readonly problems = new ProblemSet();
  private readonly bucket: TokenBucket;
  private wanted = new Set<string>();
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private forbiddenSince: number | null = null;
  // Set during sweepOnce: each node is read once, never again, however soon it falls due.
  private oneShot = false;
  private readonly abort = sharedAbort();
  private settled: Array<() => void> = [];

  constructor(private readonly options: SweeperOptions) {
    this.bucket = new TokenBucket(options.qps, options.burst);
  }

  /** The nodes that exist now; state of vanished nodes is dropped. */
  setNodes(names: readonly string[]): void {
    const live = new Set(names);
    for (const [name, state] of this.nodes) if (!live.has(name)) this.forget(state);
    for (const name of names) {
      if (this.nodes.has(name)) continue;
      const state: NodeState = {
        name,
        fetched: null,
        urgent: false,
        lastAttempt: 0,
        failures: 0,
        retries: 0,
        retryAfterMs: null,
        apiserverDown: false,
        inFlight: false,
      };
      this.nodes.set(name, state);
      this.order.add(state);
    }
    this.problems.retain((key) => live.has(key));
    this.pump();
  }

  /** Nodes on screen or selected: kept within refreshMs before any other node is read. */
  prioritize(names: readonly string[]): void {
    this.wanted = new Set(names);
    this.pump();
  }

  start(): void {
    this.running = true;
    this.pump();
  }

  stop(): void {
    this.running = false;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Reads every node once (for one-shot faces) and resolves when each has answered or failed, at
   * once when nodes/proxy turns out to be forbidden (then no node will answer), or at `deadline`
   * (epoch ms): 5,000 kubelets under a 20/s budget take minutes, which a one-shot face must not.
   * Resolves with the number of nodes not read.
   */
  async sweepOnce(deadline = Number.POSITIVE_INFINITY): Promise<number> {
    const unread = () => [...this.nodes.values()].filter((n) => n.lastAttempt === 0 || n.inFlight).length;
    const done = () => this.forbiddenSince !== null || unread() === 0;
    // Without it, nodes due again at once (one-shot faces run with refreshMs 0) would be re-read
    // while others are in flight, and done() might never see every read settled.
    this.oneShot = true;
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
    this.oneShot = false;
    this.stop();
    return left;
  }

  /** The apiserver is back after an outage: nodes that failed only because of it are read again now. */
  retryNow(): void {
    for (const state of this.order.failing) {
      if (!state.apiserverDown) continue;
      state.failures = 0;
      state.lastAttempt = 0;
      state.apiserverDown = false;
      this.order.again(state);
    }
    this.pump();
  }

  summaries(): ReadonlyMap<string, FetchedSummary> {
    const out = new Map<string, FetchedSummary>();
    for (const [name, state] of this.nodes) if (state.fetched) out.set(name, state.fetched);
    return out;
  }

  currentProblems(): Problem[] {
    return this.problems.list();
  }

  /** Set while the apiserver forbids nodes/proxy: kubelet reads are paused and disk is unknown. */
  offReason(): string | null {
    return this.forbiddenSince === null ? null : 'nodes/proxy forbidden: disk unknown (needs get nodes/proxy)';
  }

  private dueAt(state: NodeState, first: boolean): number {
    if (state.failures > 0)
      return state.lastAttempt + backoffDelay(state.failures - 1, failureBackoff(this.options.refreshMs), state.retryAfterMs);
    if (state.lastAttempt === 0) return 0;
    const { refreshMs, backgroundRefreshMs } = this.options;
    return state.lastAttempt + (first || !backgroundRefreshMs ? refreshMs : Math.max(refreshMs, backgroundRefreshMs()));
  }

  private isFirst(state: NodeState): boolean {
    return state.urgent || this.wanted.has(state.name);
  }

  private eligible(state: NodeState): boolean {
    return !state.inFlight && !(this.oneShot && state.lastAttempt > 0);
  }

  /**
   * The node to read next among those due: wanted or alerting nodes first, then the one read longest
   * ago, which makes the rest a round-robin when the budget cannot keep every node fresh. Looks at
   * the few wanted, alerting and failing nodes, and at the heads of the other two lines.
   */
  private next(now: number): { name: string | null; wait: number } {
    let wait = Number.POSITIVE_INFINITY;
    let best: NodeState | null = null;
    const consider = (state: NodeState, first: boolean): void => {
      if (!this.eligible(state)) return;
      const due = this.dueAt(state, first);
      if (due > now) wait = Math.min(wait, due - now);
      else if (!best || state.lastAttempt < best.lastAttempt) best = state;
    };
    for (const name of this.wanted) {
      const state = this.nodes.get(name);
      if (state) consider(state, true);
    }
    for (const state of this.urgentNodes) consider(state, true);
    if (best) return { name: (best as NodeState).name, wait };
    for (const state of this.order.fresh) {
      if (this.eligible(state) && !this.isFirst(state)) return { name: state.name, wait };
    }
    // A one-shot sweep reads only nodes never read.
    if (this.oneShot) return { name: null, wait };
    for (const state of this.order.failing) if (!this.isFirst(state)) consider(state, false);
    for (const state of this.order.healthy) {
      if (!this.eligible(state) || this.isFirst(state)) continue;
      // The first healthy node in line falls due before every other one.
      consider(state, false);
      break;
    }
    return { name: (best as NodeState | null)?.name ?? null, wait };
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
      const { name, wait } = this.next(now);
      if (name === null) {
        if (Number.isFinite(wait)) this.schedule(wait);
        return;
      }
      this.bucket.tryTake();
      void this.read(name);
    }
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), Math.max(1, ms));
  }

  private async read(name: string): Promise<void> {
    const state = this.nodes.get(name);
    if (!state) return;
    state.inFlight = true;
    state.lastAttempt = Date.now();
    this.order.asked(state);
    this.inFlight++;
    let answered = false;
    const hadFigures = state.fetched !== null && state.failures === 0;
    try {
      // 5,000 summaries carry 150,000 pods' usage; read only while it is the source of CPU/memory.
      const podsKept = this.options.keepPodUsage?.() !== false;
      const summary = await this.options.reader.nodeSummary(name, { signal: this.abort.signal, pods: podsKept });
      answered = true;
      state.fetched = { summary, fetchedAt: Date.now(), podsKept };
      this.setUrgent(state, this.options.urgent?.(summary) === true);
      state.failures = 0;
      state.retries = 0;
      state.retryAfterMs = null;
      state.apiserverDown = false;
      this.forbiddenSince = null;
      this.problems.clear(name);
    } catch (error) {
      // A node that went away during the read has no row to explain: its failure is not news.
      if (this.nodes.get(name) === state) this.failed(name, state, error);
    } finally {
      state.inFlight = false;
      this.inFlight--;
    }
    for (const resolve of this.settled.splice(0)) resolve();
    if (!this.running) return;
    this.options.onUpdate?.(answered, answered !== hadFigures);
    this.pump();
  }

  private setUrgent(state: NodeState, urgent: boolean): void {
    state.urgent = urgent;
    if (urgent) this.urgentNodes.add(state);
    else this.urgentNodes.delete(state);
  }

  private forget(state: NodeState): void {
    this.nodes.delete(state.name);
    this.order.remove(state);
    this.urgentNodes.delete(state);
  }

  private failed(name: string, state: NodeState, error: unknown): void {
    const kube = isKubeError(error) ? error : null;
    // Only a connection that broke before the answer: a kubelet that answered 5xx is backed off.
    if (kube?.retryable && kube.status === null && state.retries < QUICK_RETRIES) {
      state.retries++;
      // Due again now; a one-shot sweep counts it as not read yet.
      state.lastAttempt = 0;
      this.order.again(state);
      return;
    }
    state.retries = 0;
    state.failures++;
    this.order.failed(state);
    state.retryAfterMs = kube?.retryAfterMs ?? null;
    state.apiserverDown = kube?.kind === 'unreachable';
    if (kube?.kind === 'forbidden') this.forbiddenSince = Date.now();
    const message = kube ? `kubelet on ${name}: ${kube.message}` : `kubelet on ${name}: ${(error as Error).message}`;
    this.problems.set(name, { source: 'kubelet', kind: kube?.kind ?? 'server-error', message, node: name }, Date.now());
  }
}
