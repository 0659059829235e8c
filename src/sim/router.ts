import type { Handler, SimRequest, SimResponse } from './sim-response.js';
import { routeNotFound } from './status-body.js';

export type Params = Readonly<Record<string, string>>;
export type RouteHandler = (request: SimRequest, params: Params) => SimResponse | Promise<SimResponse>;

/**
 * A route is a path pattern: literal segments, `:name` captures one segment, and a trailing
 * `*name` captures the rest (the kubelet path behind the node proxy).
 */
export interface Route {
  readonly pattern: string;
  readonly handler: RouteHandler;
}

function match(pattern: readonly string[], segments: readonly string[]): Params | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i] ?? '';
    if (part.startsWith('*')) {
      params[part.slice(1)] = segments.slice(i).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return null;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return segments.length === pattern.length ? params : null;
}

export function router(routes: readonly Route[]): Handler {
  const compiled = routes.map((r) => ({ parts: r.pattern.split('/').filter(Boolean), handler: r.handler }));
  return (request) => {
    for (const { parts, handler } of compiled) {
      const params = match(parts, request.segments);
      if (params) return handler(request, params);
    }
    return routeNotFound();
  };
}
