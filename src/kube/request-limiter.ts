import { KubeError } from './kube-error.js';
import { TokenBucket } from './token-bucket.js';

export interface LimiterSettings {
  /** Requests per second, sustained. */
  readonly qps: number;
  /** Requests allowed at once above the rate. */
  readonly burst: number;
}

/** client-go's default for a rest.Config that sets none (QPS 5, burst 10). */
export const DEFAULT_API_LIMIT: LimiterSettings = { qps: 5, burst: 10 };

/**
 * The last line of defence for the apiserver: every request kmon sends it (but kubelet reads, which
 * have a budget of their own) waits here for a token, first come first served, as behind client-go's
 * default rate limiter. Whatever a bug upstream asks for, the apiserver sees at most `qps` a second.
 */
export class RequestLimiter {
  private readonly bucket: TokenBucket;
  private readonly queue: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(settings: LimiterSettings, now: () => number = Date.now) {
    this.bucket = new TokenBucket(settings.qps, settings.burst, now);
  }

  /** Resolves when the request may go; rejects if `signal` aborts while it waits. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.queue.length === 0 && this.bucket.tryTake() === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', cancel);
        resolve();
      };
      const cancel = () => {
        const at = this.queue.indexOf(turn);
        if (at >= 0) this.queue.splice(at, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new KubeError('timeout', 'request cancelled while waiting its turn'));
      };
      signal?.addEventListener('abort', cancel, { once: true });
      this.queue.push(turn);
      this.drain();
    });
  }

  /** Requests waiting for a token now. */
  waiting(): number {
    return this.queue.length;
  }

  private drain(): void {
    if (this.timer) return;
    while (this.queue.length > 0) {
      const wait = this.bucket.tryTake();
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.drain();
        }, wait);
        return;
      }
      this.queue.shift()?.();
    }
  }
}
