import type { Problem, ProblemKind } from './problems.js';
import type { Snapshot } from './snapshot.js';

/** The cluster as a whole cannot be read: a crit alert of its own, never "no alerts". */
export interface ClusterProblem {
  /** A word for tight spaces: "unreachable", "unauthorized"… */
  readonly label: string;
  /** The reason in full, naming the server where it is about the server. */
  readonly message: string;
  /** When the reads began to fail. */
  readonly since: number;
}

const LABELS: Readonly<Record<ProblemKind, string>> = {
  unreachable: 'unreachable',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  timeout: 'no answer',
  malformed: 'bad answers',
  'not-found': 'not found',
  unavailable: 'unavailable',
  throttled: 'throttled',
  'server-error': 'failing',
  degraded: 'degraded',
};

export function problemLabel(kind: ProblemKind): string {
  return LABELS[kind];
}

/** A failure that means the cluster as a whole cannot be read. */
function clusterWide(problem: Problem): boolean {
  // Rejected credentials fail every read, even while a watch opened before goes on.
  return (problem.source === 'nodes' && problem.kind !== 'degraded') || problem.kind === 'unauthorized';
}

/**
 * Whether the cluster can be read at all. The node list is the one read every face needs; when it
 * fails (refused, DNS, TLS, 401, 403, no answer, a broken credential plugin), whatever else is on
 * screen is old or missing, and that is the most important thing to say.
 */
export function clusterProblem(snapshot: Pick<Snapshot, 'problems'>): ClusterProblem | null {
  const failed = snapshot.problems.find(clusterWide);
  if (!failed) return null;
  return { label: problemLabel(failed.kind), message: failed.cause ?? failed.message, since: failed.since };
}
