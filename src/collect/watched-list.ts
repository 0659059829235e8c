import type { Listed, WatchRequest } from '../kube/kube-client.js';
import { isKubeError } from '../kube/kube-error.js';
import { backoffDelay } from './backoff.js';
import { timeout } from './first-frame.js';

export interface WatchedListOptions<T> {
  readonly list: () => Promise<Listed<T>>;
  readonly watch: (
    request: Pick<WatchRequest<T>, 'resourceVersion' | 'onEvent' | 'onVersion' | 'onInvalid' | 'onOpen' | 'signal'>,
  ) => Promise<void>;
  readonly uid: (item: T) => string;
  /** Called when a first list that sync stopped waiting for is in. */
  readonly onListed?: () => void;
}

const RETRY = { baseMs: 1_000, maxMs: 60_000 };

/**
 * One kind of object kept current by list-then-watch, as client-go's informers do: one full list,
 * then only changes, resuming from the last resourceVersion after a dropped stream and listing
 * again only when the server says that version is gone (410). At 150,000 pods this moves a few
 * kilobytes per poll instead of hundreds of megabytes.
 */
export class WatchedList<T> {
  private readonly byUid = new Map<string, T>();
  private array: readonly T[] | null = [];
  private resourceVersion = '';
  private loop: Promise<void> | null = null;
  private starting: Promise<void> | null = null;
  /** Whether sync stopped waiting for the first list, so its arrival must be announced. */
  private announce = false;
  private readonly abort = new AbortController();
  private connected = false;
  /** When the items were last known to be current (listed, or the watch was up). */
  private currentAt: number | null = null;
  private lastError: unknown = null;
  private skipped = 0;
  /** Ends the wait between failed watches early; set only while waiting. */
  private wake: (() => void) | null = null;

  constructor(private readonly options: WatchedListOptions<T>) {}

  /**
   * Lists on first use, waiting for it up to `waitMs` (a first frame can show the nodes while
   * 150,000 pods are still coming); afterwards returns at once. A poll while the watch is down also
   * retries it now: the poller backs off by itself while everything fails, so the watch comes back
   * with the next poll after the apiserver does.
   */
  async sync(now: number, waitMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.loop === null) {
      if (!this.starting) {
        this.starting = this.begin(now);
        // A list that fails after sync stopped waiting is reported by error(), not thrown.
        this.starting.catch(() => undefined);
      }
      const listed = await Promise.race([this.starting.then(() => true), timeout(waitMs)]);
      if (!listed) {
        this.announce = true;
        return;
      }
    }
    this.wake?.();
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

  skippedCount(): number {
    return this.skipped;
  }

  close(): void {
    this.abort.abort();
    this.wake?.();
  }

  private async begin(now: number): Promise<void> {
    try {
      await this.relist(now);
      this.loop = this.watchLoop();
    } finally {
      this.starting = null;
    }
    if (this.announce) this.options.onListed?.();
    this.announce = false;
  }

  private async relist(now: number): Promise<void> {
    try {
      const listed = await this.options.list();
      this.byUid.clear();
      for (const item of listed.items) this.byUid.set(this.options.uid(item), item);
      this.array = null;
      this.skipped = listed.skipped;
      this.resourceVersion = listed.resourceVersion;
      this.currentAt = now;
      this.lastError = null;
    } catch (error) {
      this.lastError = error;
      throw error;
    }
  }

  private async watchLoop(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        if (!this.resourceVersion) await this.relist(Date.now());
        await this.options.watch({
          resourceVersion: this.resourceVersion,
          signal: this.abort.signal,
          // Only an answered watch makes the list current: one the apiserver leaves hanging does not.
          onOpen: () => {
            this.connected = true;
          },
          onVersion: (rv) => {
            this.resourceVersion = rv;
          },
          onInvalid: () => {
            this.skipped++;
          },
          onEvent: (event) => {
            if (event.type === 'DELETED') this.byUid.delete(event.uid);
            else if (event.type !== 'BOOKMARK') this.byUid.set(this.options.uid(event.object), event.object);
            if (event.type !== 'BOOKMARK') this.array = null;
          },
        });
        failures = 0;
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.connected = false;
        this.lastError = error;
        // 410 Gone: the version is too old to resume from; the next round lists afresh.
        if (isKubeError(error) && error.status === 410) this.resourceVersion = '';
        else failures++;
        const delay = failures ? backoffDelay(failures - 1, RETRY, isKubeError(error) ? error.retryAfterMs : null) : 0;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => this.wake?.(), delay);
          this.wake = () => {
            clearTimeout(timer);
            this.wake = null;
            resolve();
          };
        });
      }
    }
  }
}
