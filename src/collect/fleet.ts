import type { Collector } from './collector.js';

/** A cluster being watched: its own collector (connection, limiter, budgets, backoff, errors). */
export interface FleetMember {
  readonly context: string;
  /** The apiserver's URL; '' when the context could not even be opened. */
  readonly server: string;
  /** null when the context could not be opened (its kubeconfig entry or credentials are broken). */
  readonly collector: Collector | null;
  /** Why it could not be opened; null when it was. */
  readonly error: string | null;
}

/** What opening a context gives: a collector not yet started, and how to let go of its connection. */
export interface OpenedCluster {
  readonly server: string;
  readonly collector: Collector;
  close(): void;
}

export interface FleetOptions {
  /** The contexts watched from the start, or why one cannot be (a broken kubeconfig entry). */
  readonly initial: readonly { readonly context: string; readonly error?: string }[];
  /** Every context of the kubeconfig, for the picker. */
  readonly contexts: readonly string[];
  /** Builds a context's collector; throws when its credentials or files cannot be used. */
  readonly open: (context: string) => OpenedCluster;
  /** Poll interval of the clusters on screen. */
  readonly intervalMs: number;
  /** Poll interval of the others: their watches stay open, their figures refresh less often. */
  readonly backgroundMs: number;
  /** A context opened later joins the fleet (true), or replaces the cluster watched (one-cluster runs). */
  readonly keep: boolean;
}

// Clusters polled on the same interval answer within moments of each other: their news is told
// once, as one frame, rather than once per cluster (twenty clusters would otherwise draw twenty).
const COALESCE_MS = 250;

interface Watched extends FleetMember {
  close(): void;
  unsubscribe(): void;
}

/**
 * Several clusters, each with a collector of its own, so one that is unreachable or slow never
 * holds up or hides the others. The fleet only starts, paces and stops them; listeners hear when
 * any cluster has a new snapshot or the set of clusters changes.
 */
export class Fleet {
  readonly contexts: readonly string[];
  /** Whether the run watches several clusters (a fleet view) or one at a time. */
  readonly multi: boolean;
  private watched: Watched[] = [];
  private shown: readonly FleetMember[] = [];
  private readonly listeners = new Set<() => void>();
  private onScreenNow = new Set<string>();
  private running = false;
  private telling: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: FleetOptions) {
    this.contexts = options.contexts;
    this.multi = options.keep;
    for (const { context, error } of options.initial) this.add(context, error);
  }

  members(): readonly FleetMember[] {
    return this.shown;
  }

  member(context: string): FleetMember | undefined {
    return this.shown.find((m) => m.context === context);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.running = true;
    for (const m of this.watched) m.collector?.start();
  }

  stop(): void {
    this.running = false;
    if (this.telling) clearTimeout(this.telling);
    this.telling = null;
    for (const m of this.watched.splice(0)) this.release(m);
    this.shown = [];
  }

  /** The member for `context`, watched from now on if it was not; a one-cluster run lets go of the last. */
  open(context: string): FleetMember {
    const others = this.options.keep ? [] : this.watched.filter((w) => w.context !== context);
    for (const m of others) this.remove(m);
    const fresh = !this.member(context);
    if (fresh) {
      const added = this.add(context);
      if (this.running) added.collector?.start();
    }
    if (fresh || others.length) this.changed();
    return this.member(context) as FleetMember;
  }

  /**
   * Which clusters are on screen: they poll at the interval, the others at the background interval,
   * with their kubelet reads no longer steered by a screen that is gone.
   */
  onScreen(contexts: readonly string[]): void {
    this.onScreenNow = new Set(contexts);
    for (const m of this.watched) this.pace(m);
  }

  private pace(member: Watched): void {
    const on = this.onScreenNow.has(member.context);
    member.collector?.pace(on ? this.options.intervalMs : this.options.backgroundMs);
    if (!on) {
      member.collector?.prioritizeNodes([]);
      // Nobody looks at its pods: no cAdvisor reads, no pods read in full.
      member.collector?.prioritizePodNodes([]);
    }
  }

  private add(context: string, error?: string): Watched {
    let member: Watched;
    try {
      if (error !== undefined) throw new Error(error);
      const opened = this.options.open(context);
      member = {
        context,
        server: opened.server,
        collector: opened.collector,
        error: null,
        close: () => {
          opened.collector.stop();
          opened.close();
        },
        unsubscribe: opened.collector.subscribe(() => this.news()),
      };
    } catch (e) {
      member = { context, server: '', collector: null, error: (e as Error).message, close: () => {}, unsubscribe: () => {} };
    }
    this.watched.push(member);
    this.shown = this.watched.map(({ context: c, server, collector, error: why }) => ({ context: c, server, collector, error: why }));
    if (this.onScreenNow.size) this.pace(member);
    return member;
  }

  private remove(member: Watched): void {
    this.release(member);
    this.watched = this.watched.filter((m) => m !== member);
    this.shown = this.shown.filter((m) => m.context !== member.context);
  }

  private release(member: Watched): void {
    member.unsubscribe();
    member.close();
  }

  /** A cluster has a new snapshot: told with whatever else comes within a moment. */
  private news(): void {
    if (this.telling) return;
    this.telling = setTimeout(() => this.changed(), COALESCE_MS);
  }

  private changed(): void {
    if (this.telling) clearTimeout(this.telling);
    this.telling = null;
    for (const listener of this.listeners) listener();
  }
}
