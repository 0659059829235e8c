import { isKubeError } from './kube-error.js';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * client-go asks a GET again after a connection reset or an early EOF, and after a 429 or 5xx that
 * says when to come back; a few quick tries hide a proxy recycling connections or an apiserver
 * rolling over, where one failure would otherwise blank a frame or fail `kmon top`.
 */
export const GET_RETRIES: RetryPolicy = { attempts: 4, baseMs: 250, maxMs: 2_000 };

/**
 * How long to wait before asking again after `error` on try number `attempt` (0 for the first), or
 * null when it must not be asked again: the error is not one a retry can mend, the tries are used
 * up, or the wait (Retry-After included) would not end within `remainingMs`.
 */
export function retryDelay(error: unknown, attempt: number, remainingMs: number, policy: RetryPolicy = GET_RETRIES): number | null {
  if (!isKubeError(error) || !error.retryable || attempt + 1 >= policy.attempts) return null;
  // Jitter spreads the retries of many clients that failed together (one apiserver restarting).
  const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt) * (0.5 + Math.random() / 2);
  const delay = Math.max(backoff, error.retryAfterMs ?? 0);
  return delay < remainingMs ? delay : null;
}
