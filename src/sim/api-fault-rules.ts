import { kindOf, rewriteObjects } from './fault-body.js';
import type { FaultRule } from './fault-switches.js';
import type { SimRequest } from './sim-response.js';
import { SIM_USER } from './sim-user.js';
import { routeNotFound, statusResponse } from './status-body.js';
import { rfc3339 } from './wire-text.js';

// Faults of the Metrics API, as metrics-server and the aggregator in front of it fail.

const isMetricsApi = (r: SimRequest) => r.segments[0] === 'apis' && r.segments[1] === 'metrics.k8s.io';

export const metricsApi: FaultRule = async (faults, request, next) => {
  if (faults.metricsApi === 'ok' || !isMetricsApi(request)) return next();
  if (faults.metricsApi === 'absent') return routeNotFound();
  // The aggregator answers the group document itself; only the version is proxied to metrics-server.
  if (request.segments.length < 3) return next();
  if (faults.metricsApi === 'forbidden') {
    // RBAC runs in the apiserver before the aggregator proxies: the usual Forbidden Status.
    const resource = request.segments.includes('pods') ? 'pods' : 'nodes';
    const message = `${resource}.metrics.k8s.io is forbidden: User "${SIM_USER}" cannot list resource "${resource}" in API group "metrics.k8s.io" at the cluster scope`;
    return statusResponse(403, 'Forbidden', message, { group: 'metrics.k8s.io', kind: resource });
  }
  // kube-aggregator's proxy writes http.Error's plain text when the APIService is not available.
  return {
    status: 503,
    contentType: 'text/plain; charset=utf-8',
    headers: { 'X-Content-Type-Options': 'nosniff' },
    body: 'service unavailable\n',
  };
};

const DAY = 86_400_000;

/** Each item's scrape timestamp a day ahead, a day behind, or text that is no time at all. */
export const metricsTimestamps: FaultRule = async (faults, request, next) => {
  const skew = faults.metricsTimestamps;
  const kind = kindOf(request);
  if (skew === 'ok' || (kind !== 'metrics nodes' && kind !== 'metrics pods')) return next();
  return rewriteObjects(await next(), (item) => {
    const at = Date.parse(String(item.timestamp));
    if (skew === 'unparsable') item.timestamp = 'last Tuesday, around noon';
    else if (!Number.isNaN(at)) item.timestamp = rfc3339(at + (skew === 'future' ? DAY : -DAY));
  });
};
