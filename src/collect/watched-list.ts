import type { Listed, WatchRequest } from '../kube/kube-client.js';
import { isKubeError, WatchUnsupportedError } from '../kube/kube-error.js';
import { backoffDelay, jittered } from './backoff.js';
import { timeout } from './first-frame.js';

export interface WatchedListOptions<T> {
  readonly list: () => Promise<Listed<T>>;
  readonly watch: (
    request: Pick<WatchRequest<T>, 'resourceVersion' | 'onEvent' | 'onVersion' | 'onInvalid' | 'onOpen' | 'signal'>,
  ) => Promise<void>;
  readonly uid: (item: T) => string;
  /** Called when a list that sync stopped waiting for is in. */
  readonly onListed?: () => void;
  /** Called when the list is current again after failing: a watch came back, or a list succeeded. */
  readonly onRecovered?: () => void;
  /** What the objects are called, for notices ("pods"). */
  readonly noun?: string;
  /** The poll interval: while watches are unavailable, the list is read about this often. */
  readonly intervalMs?: number;
}

// client-go's reflector: about a second, doubling to 30 s, reset once a watch has proved itself.
const RETRY = { baseMs: 1_000, maxMs: 30_000 };
// A watch that lived this long, or delivered an event, was working: its failures are forgiven.
const HEALTHY_MS = 60_000;
// A watch that ends this soon without a single event was no watch at all.
const SHORT_MS = 5_000;
// Never start watches more often than this, whatever the server does.
const MIN_GAP_MS = 1_000;
// Short, empty watches in a row that mean the server does not hold watches open.
const EMPTY_LIMIT = 3;
// While watches are unavailable, one is tried again this often.
const WATCH_RETRY_MS = 300_000;

type Mode = 'watch' | 'list';

/**
 * One kind of object kept current by list-then-watch, with client-go's manners: one full list,
 * then only changes, resuming from the last resourceVersion after a dropped stream, listing again
 * only when the server says that version is gone (410), and backing off when watches fail or end
 * at once. Where the server does not do watches at all, the list is read every poll instead, the
 * notice says so, and a watch is tried again every few minutes.
 */
export class WatchedList<T> {
  private readonly byUid = new Map<string, T>();
  private array: readonly T[] | null = [];
  private resourceVersion = '';
  private mode: Mode = 'watch';
  private listed = false;
  /** A list in flight, whoever started it. */
  private listing: Promise<void> | null = null;
  private listFailures = 0;
  private nextListAt = 0;
  private watchRetryAt = 0;
  private unavailable: string | null = null;
  /** Whether sync stopped waiting for a list, so its arrival must be announced. */
  private announce = false;
  private readonly abort = new AbortController();
  private connected = false;
  /** When the items were last known to be current (listed, or the watch was up). */
  private currentAt: number | null = null;
  private lastError: unknown = null;
  private skipped = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly options: WatchedListOptions<T>) {}

  /**
   * Lists on first use (and every poll while watches are unavailable), waiting for it up to
   * `waitMs`: a first frame can show the nodes while 150,000 pods are still coming. A list that
   * failed is asked again only after its backoff.
   */
  async sync(now: number, waitMs = Number.POSITIVE_INFINITY): Promise<void> {
    // Backoffs run on the clock; `now` is the poll's time, which the items are stamped with.
    const clock = Date.now();
    if (this.mode === 'list' && this.listed && clock >= this.watchRetryAt && !this.listing) this.resumeWatching();
    const due = !this.listed || this.mode === 'list';
    if (due && !this.listing && clock >= this.nextListAt) this.startList(now);
    if (this.listing) {
      const done = await Promise.race([this.listing.then(() => true), timeout(waitMs)]);
      if (!done) this.announce = true;
    }
    if (this.connected) this.currentAt = now;
  }

  items(): readonly T[] {
    this.array ??= [...this.byUid.values()];
    return this.array;
  }

  syncedAt(): number | null {
    return this.currentAt;
  }

  /** Why the list is not current, while it is not. */
  error(): unknown {
    return this.connected ? null : this.lastError;
  }

  /** Set while watches are unavailable and the list is read every poll instead: why, and how often. */
  notice(): string | null {
    if (this.mode !== 'list' || !this.unavailable) return null;
    const every = Math.max(1, Math.round((this.options.intervalMs ?? 5_000) / 1000));
    return `${this.unavailable}: listing ${this.options.noun ?? 'objects'} every ${every}s`;
  }

  skippedCount(): number {
    return this.skipped;
  }

  /** Something else reached the apiserver: a list or watch waiting out its backoff is asked again now. */
  retryNow(): void {
    if (this.connected) return;
    this.nextListAt = 0;
    this.wake?.();
  }

  close(): void {
    this.abort.abort();
    this.wake?.();
  }

  private startList(now: number): void {
    const listing = this.relist(now).then(
      () => {
        this.listFailures = 0;
        const first = !this.listed;
        this.listed = true;
        if (first && this.mode === 'watch') void this.watchLoop();
      },
      () => {
        this.listFailures++;
        this.nextListAt = Date.now() + jittered(backoffDelay(this.listFailures - 1, RETRY));
      },
    );
    this.listing = listing.finally(() => {
      this.listing = null;
      if (this.announce) this.options.onListed?.();
      this.announce = false;
    });
  }

  private async relist(now: number): Promise<void> {
    const recovering = this.lastError !== null;
    const began = Date.now();
    try {
      const listed = await this.options.list();
      this.byUid.clear();
      for (const item of listed.items) this.byUid.set(this.options.uid(item), item);
      this.array = null;
      this.skipped = listed.skipped;
      this.resourceVersion = listed.resourceVersion;
      this.currentAt = now;
      this.lastError = null;
      // Every poll while watches are unavailable; at least as long again as the list took.
      this.nextListAt = 2 * Date.now() - began;
    } catch (error) {
      this.lastError = error;
      throw error;
    }
    if (recovering && this.listed) this.options.onRecovered?.();
  }

  private fallBack(reason: string): void {
    this.mode = 'list';
    this.unavailable = reason;
    this.watchRetryAt = Date.now() + WATCH_RETRY_MS;
    this.nextListAt = 0;
  }

  private resumeWatching(): void {
    this.mode = 'watch';
    void this.watchLoop();
  }

  private async watchLoop(): Promise<void> {
    let failures = 0;
    let empties = 0;
    let gone = 0;
    while (!this.abort.signal.aborted && this.mode === 'watch') {
      if (!this.resourceVersion) {
        try {
          await this.relist(Date.now());
        } catch {
          failures++;
          await this.pause(jittered(backoffDelay(failures - 1, RETRY)));
          continue;
        }
      }
      const started = Date.now();
      let events = 0;
      let error: unknown = null;
      try {
        await this.options.watch({
          resourceVersion: this.resourceVersion,
          signal: this.abort.signal,
          // Only an answered watch makes the list current: one the apiserver leaves hanging does not.
          onOpen: () => this.opened(),
          onVersion: (rv) => {
            this.resourceVersion = rv;
          },
          onInvalid: () => {
            this.skipped++;
          },
          onEvent: (event) => {
            events++;
            if (event.type === 'DELETED') this.byUid.delete(event.uid);
            else if (event.type !== 'BOOKMARK') this.byUid.set(this.options.uid(event.object), event.object);
            if (event.type !== 'BOOKMARK') this.array = null;
          },
        });
      } catch (e) {
        error = e;
      }
      this.connected = false;
      if (this.abort.signal.aborted) return;
      const lived = Date.now() - started;
      if (error instanceof WatchUnsupportedError) return this.fallBack(error.message);
      if (events > 0 || lived >= HEALTHY_MS) {
        failures = 0;
        empties = 0;
        gone = 0;
      }
      // 410 Gone: the version is too old to resume from; the next round lists afresh, once at once.
      if (isKubeError(error) && error.status === 410) {
        this.resourceVersion = '';
        if (gone++ === 0) continue;
      }
      if (error) this.lastError = error;
      const short = lived < SHORT_MS && events === 0;
      if (!error && short && ++empties >= EMPTY_LIMIT) return this.fallBack('watch unavailable (the server closes watches at once)');
      if (error || short) failures++;
      const backoff = failures ? jittered(backoffDelay(failures - 1, RETRY, isKubeError(error) ? error.retryAfterMs : null)) : 0;
      await this.pause(Math.max(backoff, MIN_GAP_MS - lived));
    }
  }

  private opened(): void {
    const recovering = this.lastError !== null;
    this.connected = true;
    this.lastError = null;
    if (recovering) this.options.onRecovered?.();
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
