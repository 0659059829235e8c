import type { KubeClient } from '../kube-client.js';
import type { PromGetter } from './prom-getter.js';

/**
 * Prometheus behind a Service, through the apiserver's service proxy: the apiserver's credentials,
 * TLS, limiter and retries. Failures come back as the apiserver's (403: needs get services/proxy;
 * 404: no such service; 503: no endpoints), so only 2xx answers reach the caller.
 */
export function serviceGetter(client: KubeClient, service: { namespace: string; name: string; port: string }, where: string): PromGetter {
  return {
    where,
    get: async (pathAndQuery, options) => ({ status: 200, ...(await client.serviceGet(service, pathAndQuery, options)) }),
    // The connection is the apiserver's, closed with it.
    close: () => {},
  };
}
