import { type ListQuery, ListQueryError, parseListQuery } from './list-query.js';
import { getNamespace, listNamespaces, NAMESPACE_FIELDS } from './namespaces-resource.js';
import { getNode, listNodes, NODE_FIELDS, nodeWatch } from './nodes-resource.js';
import { getPod, listPods, POD_FIELDS, podWatch } from './pods-resource.js';
import type { Pulse } from './pulse.js';
import type { Route } from './router.js';
import { JSON_TYPE, type SimRequest, type SimResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { badRequest } from './status-body.js';
import { isWatch, watchOptions } from './watch-query.js';
import { type WatchTarget, watchEvents } from './watch-stream.js';

// core/v1 nodes, pods and namespaces: list (with limit/continue and selectors), get, and watch.

function guarded(run: () => SimResponse): SimResponse {
  try {
    return run();
  } catch (e) {
    if (e instanceof ListQueryError) return badRequest(e.message);
    throw e;
  }
}

function collection(
  world: SimWorld,
  pulse: Pulse,
  request: SimRequest,
  fields: readonly string[],
  list: (query: ListQuery) => SimResponse,
  watch: ((query: ListQuery) => WatchTarget) | null,
): SimResponse {
  return guarded(() => {
    const query = parseListQuery(request.query, fields);
    if (!watch || !isWatch(request.query)) return list(query);
    const body = watchEvents(world, pulse, watch(query), watchOptions(request.query), request.signal);
    return { status: 200, contentType: JSON_TYPE, body, streaming: true };
  });
}

export function coreRoutes(world: SimWorld, pulse: Pulse): Route[] {
  const pods = (request: SimRequest, namespace: string | null) =>
    collection(
      world,
      pulse,
      request,
      POD_FIELDS,
      (q) => listPods(world, namespace, q),
      (q) => podWatch(world, namespace, q),
    );
  return [
    {
      pattern: '/api/v1/nodes',
      handler: (request) =>
        collection(
          world,
          pulse,
          request,
          NODE_FIELDS,
          (q) => listNodes(world, q),
          (q) => nodeWatch(world, q),
        ),
    },
    { pattern: '/api/v1/nodes/:name', handler: (_, { name = '' }) => getNode(world, name) },
    { pattern: '/api/v1/pods', handler: (request) => pods(request, null) },
    {
      pattern: '/api/v1/namespaces',
      handler: (request) => collection(world, pulse, request, NAMESPACE_FIELDS, (q) => listNamespaces(world, q), null),
    },
    { pattern: '/api/v1/namespaces/:namespace', handler: (_, { namespace = '' }) => getNamespace(world, namespace) },
    { pattern: '/api/v1/namespaces/:namespace/pods', handler: (request, { namespace = '' }) => pods(request, namespace) },
    { pattern: '/api/v1/namespaces/:namespace/pods/:name', handler: (_, { namespace = '', name = '' }) => getPod(world, namespace, name) },
  ];
}
