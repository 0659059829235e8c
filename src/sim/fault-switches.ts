import type { SimRequest, SimResponse } from './sim-response.js';

/**
 * The switches of the simulated cluster's failures. Request kinds are named as the request log
 * names them without the method: "nodes", "pods", "watch pods", "metrics nodes", "kubelet summary"…
 */
export interface Faults {
  /** absent: no APIService (404, and metrics.k8s.io missing from discovery); unavailable: the aggregator's 503; forbidden: RBAC's 403. */
  metricsApi: 'ok' | 'absent' | 'unavailable' | 'forbidden';
  /** forbidden: RBAC denies nodes/proxy, so every kubelet read through the apiserver is a 403. */
  nodeProxy: 'ok' | 'forbidden';
  /** That node's kubelet answers after delayMs. */
  slowKubelet: { node: string; delayMs: number } | null;
  /** That node's /stats/summary body is not valid JSON. */
  malformedSummary: string | null;
  /** That node's /stats/summary is valid JSON with its stat blocks null, missing or nonsense. */
  sparseSummary: string | null;
  /** That node's /stats/summary is valid JSON padded past 24 MiB. */
  hugeSummary: string | null;
  /**
   * The apiserver is gone and open connections (watches too) are cut. true: the port still accepts
   * and every new connection is reset as it opens. 'closed': nothing listens, so connecting fails
   * with ECONNREFUSED; switched back, the sim listens on the same port with the same CA and token.
   */
  apiserverDown: boolean | 'closed';
  /** Every request is refused with the apiserver's 401 Status, though the token and kubeconfig are unchanged. */
  unauthorized: boolean;
  /** Requests of these kinds have their connection reset before any answer. */
  resetRequests: readonly string[];
  /** Every nth request of these kinds ('all': of any kind) is reset before any answer; the count starts when the switch is set. */
  resetEveryNth: { n: number; kinds: readonly string[] | 'all' } | null;
  /** Requests of these kinds are read but never answered: no head, until the client leaves or the sim stops. */
  hang: readonly string[];
  /** Requests of these kinds get the head and part of the body, then silence on a connection left open. */
  stallMidBody: readonly string[];
  /** Answers to requests of these kinds leave at this many bytes per second (on the wire, after gzip), a slice each 100 ms. */
  bandwidth: { kinds: readonly string[]; bytesPerSecond: number } | null;
  /** Requests of these kinds are answered 200 text/html with a proxy's sign-in page. */
  loginPage: readonly string[];
  /** Watches of these kinds ("watch pods"…) get the plain list, as if the query string were dropped, then the connection closes. */
  watchAsList: readonly string[];
  /** Watches of these kinds are answered 200 application/json and ended at once, without a single event. */
  emptyWatches: readonly string[];
  /** Lists of these kinds ignore limit and continue: every item in one answer, with no continue token. */
  ignoreLimit: readonly string[];
  /** Requests of these kinds are answered 200, then cut halfway through the body. */
  truncateResponses: readonly string[];
  /** Requests of these kinds get their whole body with a NUL byte in the middle, so it is not JSON. */
  garbleResponses: readonly string[];
  /** Requests of these kinds are refused with this status (429, 500, 503…), with Retry-After when set. */
  serverErrors: { kinds: readonly string[]; status: number; retryAfterSeconds: number | null } | null;
  /** Metrics API scrape timestamps a day ahead, a day behind, or not a time at all. */
  metricsTimestamps: 'ok' | 'future' | 'past' | 'unparsable';
  /** That node, and every pod on it, carry terminal escape sequences in their strings; its kubelet fails with them. */
  hostileText: string | null;
  /** Nodes (with their pods) and namespaces (with theirs) deleted; taken off this list, they come back as new objects. */
  removed: { nodes: readonly string[]; namespaces: readonly string[] };
}

/** Calls the rest of the chain, with the request as a rule rewrote it, or as it came. */
export type Next = (request?: SimRequest) => Promise<SimResponse>;

/**
 * One fault: it looks at the current switches and the request, and either answers in place of
 * the cluster, or calls next() and may delay or alter what comes back.
 */
export type FaultRule = (faults: Faults, request: SimRequest, next: Next) => Promise<SimResponse>;
