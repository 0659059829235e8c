import type { ProblemKind } from '../model/problems.js';

export interface KubeErrorOptions {
  readonly status?: number;
  readonly retryAfterMs?: number | null;
  /** Asking again may well succeed: a reset before the answer, a 429 or a 5xx (see retry-policy.ts). */
  readonly retryable?: boolean;
}

/** A failed read, classified so callers can degrade per kind and people can act on the message. */
export class KubeError extends Error {
  override name = 'KubeError';
  readonly kind: ProblemKind;
  readonly status: number | null;
  /** From a Retry-After header on 429/503, in milliseconds. */
  readonly retryAfterMs: number | null;
  readonly retryable: boolean;

  constructor(kind: ProblemKind, message: string, options: KubeErrorOptions = {}) {
    super(message);
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.retryable = options.retryable ?? false;
  }
}

/**
 * The server answered a watch request with something that is not a stream of watch events (a
 * List, an HTML page): a proxy that drops the query string, or a server without watch support.
 */
export class WatchUnsupportedError extends KubeError {
  override name = 'WatchUnsupportedError';

  constructor(answer: string) {
    super('malformed', `watch unavailable (answered with ${answer})`);
  }
}

export function isKubeError(error: unknown): error is KubeError {
  return error instanceof KubeError;
}
