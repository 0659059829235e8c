export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * Delay before the next attempt after `failures` consecutive failures: doubling from the base, capped,
 * and never shorter than what the server asked for in Retry-After.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, retryAfterMs: number | null = null): number {
  const exponential = failures <= 0 ? policy.baseMs : Math.min(policy.maxMs, policy.baseMs * 2 ** failures);
  return Math.max(exponential, Math.min(retryAfterMs ?? 0, policy.maxMs * 5));
}

/** `ms` spread by ±20%, so many clients that failed together do not all come back together. */
export function jittered(ms: number, random: () => number = Math.random): number {
  return ms * (0.8 + 0.4 * random());
}
