import type { Route } from './router.js';
import { type SimResponse, textResponse } from './sim-response.js';
import { objectNotFound, serviceUnavailable } from './status-body.js';

// The apiserver's service proxy: GET /api/v1/namespaces/NS/services/NAME:PORT/proxy/<path> passes the
// request on to the Service's port and its answer back, status and content type included. The sim
// has no Services of its own: tests name the ones it has and the HTTP servers behind them (a real
// Prometheus on loopback), keyed "NS/NAME:PORT".

export type ServiceBackends = Readonly<Record<string, string>>;

async function forward(base: string, path: string, query: URLSearchParams, signal: AbortSignal): Promise<SimResponse> {
  const search = query.size ? `?${query}` : '';
  try {
    const answer = await fetch(`${base.replace(/\/$/, '')}/${path}${search}`, { signal });
    return textResponse(answer.status, await answer.text(), answer.headers.get('content-type') ?? 'text/plain; charset=utf-8');
  } catch (e) {
    const address = new URL(base).host;
    return serviceUnavailable(`error trying to reach service: dial tcp ${address}: ${(e as Error).message}`);
  }
}

export function serviceProxyRoutes(backends: ServiceBackends): Route[] {
  return [
    {
      pattern: '/api/v1/namespaces/:namespace/services/:service/proxy/*path',
      handler: (request, { namespace = '', service = '', path = '' }) => {
        const [name = '', port = ''] = service.split(':', 2);
        const base = backends[`${namespace}/${name}:${port}`];
        if (!base) return objectNotFound('services', name);
        return forward(base, path, request.query, request.signal);
      },
    },
  ];
}
