import { isKubeError, type KubeError } from '../kube/kube-error.js';
import type { ProblemKind } from '../model/problems.js';
import { type BackoffPolicy, backoffDelay } from './backoff.js';

export interface ReadProblem {
  readonly kind: ProblemKind;
  readonly message: string;
  /** The error's own words, where the message adds to them. */
  readonly cause?: string;
}

/** Why the Metrics API failed, in words that say what to fix. */
export function metricsApiWhy(error: KubeError): string {
  switch (error.kind) {
    case 'unreachable':
    case 'unauthorized':
      return error.message;
    case 'not-found':
      return 'metrics-server not installed';
    case 'unavailable':
      return 'metrics-server unavailable';
    case 'forbidden':
      return `Metrics API ${error.message}`;
    default:
      return `Metrics API failed (${error.message})`;
  }
}

/**
 * One of the Metrics API's two reads (nodes, or pods) on its own: its last good answer, and its
 * failures with their backoff. Node and pod metrics fail apart (a 50 MB pod list cut short, a
 * forbidden namespace), so one failing never discards what the other brought.
 */
export class MetricsRead<M> {
  private failures = 0;
  private retryAt = 0;
  private good: { readonly value: M; readonly at: number } | null = null;
  private why: ReadProblem | null = null;

  constructor(private readonly policy: BackoffPolicy) {}

  /** Whether to ask now: always while it works, after the backoff while it fails. */
  due(now: number): boolean {
    return this.failures === 0 || now >= this.retryAt;
  }

  failing(): boolean {
    return this.failures > 0;
  }

  last(): { readonly value: M; readonly at: number } | null {
    return this.good;
  }

  problem(): ReadProblem | null {
    return this.why;
  }

  succeeded(value: M, at: number, problem: ReadProblem | null): void {
    this.failures = 0;
    this.good = { value, at };
    this.why = problem;
  }

  /** The figures are as current as if just read: metrics-server could not have newer ones yet. */
  confirm(at: number): void {
    if (this.good && this.failures === 0) this.good = { ...this.good, at };
  }

  /** A failure the backoff applies to; anything but a KubeError is a bug of kmon's and is thrown. */
  failed(error: unknown, now: number): void {
    if (!isKubeError(error)) throw error;
    this.failures++;
    this.retryAt = now + backoffDelay(this.failures - 1, this.policy, error.retryAfterMs);
    this.why = { kind: error.kind, message: metricsApiWhy(error), cause: error.message };
  }

  /** Asks at the next read, whatever the backoff: the apiserver is back after an outage. */
  retryNow(): void {
    this.retryAt = 0;
  }
}
