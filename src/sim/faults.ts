import { setTimeout as sleep } from 'node:timers/promises';
import { proxiedKubelet } from './kubelet-path.js';
import type { Handler, SimRequest, SimResponse } from './sim-response.js';
import { routeNotFound, statusResponse } from './status-body.js';

export interface Faults {
  /** absent: no APIService (404, and metrics.k8s.io missing from discovery); unavailable: the aggregator's 503. */
  metricsApi: 'ok' | 'absent' | 'unavailable';
  /** forbidden: RBAC denies nodes/proxy, so every kubelet read through the apiserver is a 403. */
  nodeProxy: 'ok' | 'forbidden';
  /** That node's kubelet answers after delayMs. */
  slowKubelet: { node: string; delayMs: number } | null;
  /** That node's /stats/summary body is not valid JSON. */
  malformedSummary: string | null;
}

export const NO_FAULTS: Faults = { metricsApi: 'ok', nodeProxy: 'ok', slowKubelet: null, malformedSummary: null };

/** The user the sim's token authenticates as; it appears in RBAC messages. */
export const SIM_USER = 'kmon-sim-user';

type Next = () => Promise<SimResponse>;

/**
 * One fault: it looks at the current switches and the request, and either answers in place of
 * the cluster, or calls next() and may delay or alter what comes back. Adding a fault is a field
 * in Faults, its default in NO_FAULTS, and one rule in RULES.
 */
type FaultRule = (faults: Faults, request: SimRequest, next: Next) => Promise<SimResponse>;

const isMetricsApi = (r: SimRequest) => r.segments[0] === 'apis' && r.segments[1] === 'metrics.k8s.io';

const metricsApi: FaultRule = async (faults, request, next) => {
  if (faults.metricsApi === 'ok' || !isMetricsApi(request)) return next();
  if (faults.metricsApi === 'absent') return routeNotFound();
  // The aggregator answers the group document itself; only the version is proxied to metrics-server.
  if (request.segments.length < 3) return next();
  // kube-aggregator's proxy writes http.Error's plain text when the APIService is not available.
  return {
    status: 503,
    contentType: 'text/plain; charset=utf-8',
    headers: { 'X-Content-Type-Options': 'nosniff' },
    body: 'service unavailable\n',
  };
};

const nodeProxy: FaultRule = async (faults, request, next) => {
  const target = proxiedKubelet(request);
  if (faults.nodeProxy === 'ok' || !target) return next();
  const message = `nodes "${target.node}" is forbidden: User "${SIM_USER}" cannot get resource "nodes/proxy" in API group "" at the cluster scope`;
  return statusResponse(403, 'Forbidden', message, { name: target.node, kind: 'nodes' });
};

const slowKubelet: FaultRule = async (faults, request, next) => {
  const slow = faults.slowKubelet;
  if (!slow || proxiedKubelet(request)?.node !== slow.node) return next();
  try {
    await sleep(slow.delayMs, undefined, { signal: request.signal });
  } catch {
    // The client gave up or the sim is stopping; what is answered no longer matters.
  }
  return next();
};

async function text(body: SimResponse['body']): Promise<string> {
  if (typeof body === 'string') return body;
  let out = '';
  for await (const chunk of body) out += chunk;
  return out;
}

const malformedSummary: FaultRule = async (faults, request, next) => {
  const target = proxiedKubelet(request);
  if (!faults.malformedSummary || target?.node !== faults.malformedSummary || target.path !== 'stats/summary') return next();
  const response = await next();
  if (response.status !== 200) return response;
  const whole = await text(response.body);
  return { ...response, body: whole.slice(0, Math.floor(whole.length / 2)) };
};

const RULES: readonly FaultRule[] = [metricsApi, nodeProxy, slowKubelet, malformedSummary];

/** Wraps the cluster's handler in every fault rule, reading the switches afresh per request. */
export function withFaults(current: () => Faults, handler: Handler): Handler {
  return (request) => {
    const faults = current();
    const run = (i: number): Promise<SimResponse> => {
      const rule = RULES[i];
      return rule ? rule(faults, request, () => run(i + 1)) : Promise.resolve(handler(request));
    };
    return run(0);
  };
}
