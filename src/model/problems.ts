// Why something could not be read, in words an on-call engineer can act on.

export type ProblemKind =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'unavailable'
  | 'throttled'
  | 'timeout'
  | 'malformed'
  | 'server-error'
  // Read, but the costly way: e.g. listed every poll where the server does not do watches.
  | 'degraded';

/**
 * Which read failed: the inventory lists, the Metrics API, a node's kubelet, or where past samples
 * come from (Prometheus), which only says why the charts start late and raises no alert.
 */
export type ProblemSource = 'nodes' | 'pods' | 'metrics' | 'kubelet' | 'history';

export interface Problem {
  readonly source: ProblemSource;
  readonly kind: ProblemKind;
  /** Short, single-line and already safe to print. */
  readonly message: string;
  /** The failure itself, without what kmon did about it ("unauthorized: the credentials were rejected"). */
  readonly cause?: string;
  /** The node, for kubelet problems. */
  readonly node?: string;
  /** When this problem was first seen in a row of failures. */
  readonly since: number;
}
