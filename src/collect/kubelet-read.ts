// The kubelet endpoints kmon reads through the apiserver's node proxy, and what the sweeper keeps
// of each read's attempts.

export type KubeletRead = 'summary' | 'resource' | 'cadvisor';

export const READ_PATHS: Readonly<Record<KubeletRead, string>> = {
  summary: '/stats/summary',
  resource: '/metrics/resource',
  cadvisor: '/metrics/cadvisor',
};

export interface ReadState {
  /** The node read. */
  readonly name: string;
  lastAttempt: number;
  failures: number;
  /** Quick re-reads spent on failures a retry can mend (a reset before the answer). */
  retries: number;
  retryAfterMs: number | null;
  /** The apiserver, not this node, failed the last read. */
  apiserverDown: boolean;
  inFlight: boolean;
}

export function readState(name: string): ReadState {
  return { name, lastAttempt: 0, failures: 0, retries: 0, retryAfterMs: null, apiserverDown: false, inFlight: false };
}
