import { type ListQuery, ListQueryError, parseListQuery } from './list-query.js';
import { getNamespace, listNamespaces, NAMESPACE_FIELDS, namespaceWatch } from './namespaces-resource.js';
import { getNode, listNodes, NODE_FIELDS, nodeWatch } from './nodes-resource.js';
import { getPod, listPods, POD_FIELDS, podWatch } from './pods-resource.js';
import type { Pulse } from './pulse.js';
import type { Route } from './router.js';
import { JSON_TYPE, type SimRequest, type SimResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { badRequest } from './status-body.js';
import { wantsTable } from './table-format.js';
import { isWatch, watchOptions } from './watch-query.js';
import { type WatchTarget, watchEvents } from './watch-stream.js';

// core/v1 nodes, pods and namespaces: list (with limit/continue and selectors), watch, and get.

interface Collection {
  /** The fields a fieldSelector may name. */
  readonly fields: readonly string[];
  list(query: ListQuery, asTable: boolean): SimResponse;
  watch(query: ListQuery): WatchTarget;
}

function serve(world: SimWorld, pulse: Pulse, request: SimRequest, collection: Collection): SimResponse {
  try {
    const query = parseListQuery(request.query, collection.fields);
    if (!isWatch(request.query)) return collection.list(query, wantsTable(request.headers.accept));
    const body = watchEvents(world, pulse, collection.watch(query), watchOptions(request.query), request.signal);
    return { status: 200, contentType: JSON_TYPE, body, streaming: true };
  } catch (e) {
    if (e instanceof ListQueryError) return badRequest(e.message);
    throw e;
  }
}

export function coreRoutes(world: SimWorld, pulse: Pulse): Route[] {
  const nodes: Collection = { fields: NODE_FIELDS, list: (q, table) => listNodes(world, q, table), watch: (q) => nodeWatch(world, q) };
  const namespaces: Collection = {
    fields: NAMESPACE_FIELDS,
    list: (q, table) => listNamespaces(world, q, table),
    watch: (q) => namespaceWatch(world, q),
  };
  const pods = (namespace: string | null): Collection => ({
    fields: POD_FIELDS,
    list: (q, table) => listPods(world, namespace, q, table),
    watch: (q) => podWatch(world, namespace, q),
  });
  return [
    { pattern: '/api/v1/nodes', handler: (request) => serve(world, pulse, request, nodes) },
    { pattern: '/api/v1/nodes/:name', handler: (request, { name = '' }) => getNode(world, name, wantsTable(request.headers.accept)) },
    { pattern: '/api/v1/pods', handler: (request) => serve(world, pulse, request, pods(null)) },
    { pattern: '/api/v1/namespaces', handler: (request) => serve(world, pulse, request, namespaces) },
    {
      pattern: '/api/v1/namespaces/:namespace',
      handler: (request, { namespace = '' }) => getNamespace(world, namespace, wantsTable(request.headers.accept)),
    },
    {
      pattern: '/api/v1/namespaces/:namespace/pods',
      handler: (request, { namespace = '' }) => serve(world, pulse, request, pods(namespace)),
    },
    {
      pattern: '/api/v1/namespaces/:namespace/pods/:name',
      handler: (request, { namespace = '', name = '' }) => getPod(world, namespace, name, wantsTable(request.headers.accept)),
    },
  ];
}
