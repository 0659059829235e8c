import type { ProblemKind } from '../model/problems.js';

/** A failed read, classified so callers can degrade per kind and people can act on the message. */
export class KubeError extends Error {
  override name = 'KubeError';
  readonly kind: ProblemKind;
  readonly status: number | null;
  /** From a Retry-After header on 429/503, in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(kind: ProblemKind, message: string, options: { status?: number; retryAfterMs?: number | null } = {}) {
    super(message);
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export function isKubeError(error: unknown): error is KubeError {
  return error instanceof KubeError;
}
