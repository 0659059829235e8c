import { matchesFields } from './field-selector.js';
import { hash } from './hash.js';
import { jsonList } from './json-list.js';
import { selects } from './label-selector.js';
import { type ListQuery, ListQueryError, parseListQuery } from './list-query.js';
import { nodeInMetricsApi, type PodSample, sampleNode, samplePod } from './node-sample.js';
import { podLabels } from './pod-identity.js';
import { nodeLabels } from './render-node.js';
import type { Params, Route } from './router.js';
import { CREATED_MARK, ScrapeCache } from './scrape-cache.js';
import { JSON_TYPE, jsonResponse, type SimRequest, type SimResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { badRequest, objectNotFound } from './status-body.js';
import { bytesQuantity, cpuQuantity, goDuration, rfc3339 } from './wire-text.js';

// metrics.k8s.io/v1beta1 as metrics-server serves it (API-FACTS §1): creationTimestamp is the
// response time, timestamp the last scrape, window the span between the last two kubelet samples,
// items sorted by name (pods by namespace, then name), pods listed only with two scrapes.

const GROUP = 'metrics.k8s.io';
const API_VERSION = `${GROUP}/v1beta1`;

interface Stamp {
  readonly timestamp: string;
  readonly window: string;
}

/** What every item of one response shares: the scrape, the response time, each node's window. */
interface Scrape {
  readonly k: number;
  readonly created: string;
  stamp(node: number): Stamp;
}

function scrape(world: SimWorld, created = rfc3339(world.now)): Scrape {
  const k = world.usage.scrapeIndex(world.now);
  const byNode: Stamp[] = [];
  return {
    k,
    created,
    stamp: (node) => {
      if (!byNode[node]) {
        const { at, previous } = world.usage.times(node, k);
        byNode[node] = { timestamp: rfc3339(at), window: goDuration(at - previous) };
      }
      return byNode[node];
    },
  };
}

function nodeMetrics(world: SimWorld, index: number, s: Scrape, withType: boolean) {
  const sample = sampleNode(world, index, s.k);
  if (!sample.inMetricsApi) return null;
  return {
    ...(withType ? { kind: 'NodeMetrics', apiVersion: API_VERSION } : {}),
    metadata: { name: sample.node.name, creationTimestamp: s.created, labels: nodeLabels(world.layout, index) },
    ...s.stamp(index),
    usage: { cpu: cpuQuantity(sample.cpuNanoCores), memory: bytesQuantity(sample.workingSetBytes) },
  };
}

function podMetrics(world: SimWorld, sample: PodSample, s: Scrape, withType: boolean) {
  const { pod, life } = sample;
  const containers = sample.containers.map((usage, i) => ({
    name: pod.workload.containers[i]?.name ?? '',
    usage: { cpu: cpuQuantity(usage?.cpuNanoCores ?? 0), memory: bytesQuantity(usage?.workingSetBytes ?? 0) },
  }));
  // metrics-server builds this array from a Go map: the order is not stable between scrapes.
  if (containers.length > 1 && hash(world.layout.seed, 110, pod.slot, s.k) & 1) containers.reverse();
  return {
    ...(withType ? { kind: 'PodMetrics', apiVersion: API_VERSION } : {}),
    metadata: {
      name: life.name,
      namespace: pod.workload.namespace,
      creationTimestamp: s.created,
      labels: podLabels(world.layout, pod, life),
    },
    ...s.stamp(pod.node),
    containers,
  };
}

function query(request: SimRequest, fields: readonly string[]): ListQuery | SimResponse {
  try {
    return parseListQuery(request.query, fields);
  } catch (e) {
    if (e instanceof ListQueryError) return badRequest(e.message);
    throw e;
  }
}

function* listedNodes(world: SimWorld, q: ListQuery) {
  const s = scrape(world, CREATED_MARK);
  for (const node of world.layout.nodes) {
    if (!selects(q.labels, nodeLabels(world.layout, node.index))) continue;
    if (!matchesFields(q.fields, (f) => (f === 'metadata.name' ? node.name : ''))) continue;
    const item = nodeMetrics(world, node.index, s, false);
    if (item) yield item;
  }
}

function* listedPods(world: SimWorld, ids: ArrayLike<number>, q: ListQuery) {
  const s = scrape(world, CREATED_MARK);
  const nodeListed = world.layout.nodes.map((n) => nodeInMetricsApi(world, n.index, s.k));
  for (let i = 0; i < ids.length; i++) {
    const slot = ids[i] ?? 0;
    const pod = world.pod(slot);
    const sample = samplePod(world, slot, s.k, nodeListed[pod.node] ?? false);
    if (!sample?.inMetricsApi) continue;
    if (!selects(q.labels, podLabels(world.layout, pod, sample.life))) continue;
    const fields = (f: string) => (f === 'metadata.name' ? sample.life.name : f === 'metadata.namespace' ? pod.workload.namespace : '');
    if (!matchesFields(q.fields, fields)) continue;
    yield podMetrics(world, sample, s, false);
  }
}

/** A list as of the current scrape, rendered once per scrape (see ScrapeCache). */
function list(world: SimWorld, cache: ScrapeCache, request: SimRequest, kind: string, items: () => Iterable<unknown>): SimResponse {
  const key = `${request.path}?${request.query}`;
  const scrapeId = `${world.usage.scrapeIndex(world.now)}/${world.presence.revision}`;
  const body = cache.body(key, scrapeId, rfc3339(world.now), () => jsonList(kind, API_VERSION, {}, items()));
  return { status: 200, contentType: JSON_TYPE, body };
}

function nodes(world: SimWorld, cache: ScrapeCache, request: SimRequest): SimResponse {
  const q = query(request, ['metadata.name']);
  return 'status' in q ? q : list(world, cache, request, 'NodeMetricsList', () => listedNodes(world, q));
}

function node(world: SimWorld, name: string): SimResponse {
  const index = world.findNode(name);
  const item = index === null ? null : nodeMetrics(world, index, scrape(world), true);
  return item ? jsonResponse(200, item) : objectNotFound('nodemetrics', name, GROUP);
}

function pods(world: SimWorld, cache: ScrapeCache, request: SimRequest, { namespace }: Params): SimResponse {
  const q = query(request, ['metadata.name', 'metadata.namespace']);
  if ('status' in q) return q;
  const range = namespace === undefined ? null : world.layout.namespaceRanges.get(namespace);
  const ids = namespace === undefined ? world.layout.order : range ? world.layout.order.subarray(range[0], range[1]) : [];
  return list(world, cache, request, 'PodMetricsList', () => listedPods(world, ids, q));
}

function pod(world: SimWorld, namespace: string, name: string): SimResponse {
  const slot = world.findPod(namespace, name, world.now);
  const s = scrape(world);
  const sample = slot === null ? null : samplePod(world, slot, s.k, nodeInMetricsApi(world, world.pod(slot).node, s.k));
  return sample?.inMetricsApi ? jsonResponse(200, podMetrics(world, sample, s, true)) : objectNotFound('podmetrics', name, GROUP);
}

export function metricsRoutes(world: SimWorld): Route[] {
  const base = `/apis/${API_VERSION}`;
  const cache = new ScrapeCache();
  return [
    { pattern: `${base}/nodes`, handler: (request) => nodes(world, cache, request) },
    { pattern: `${base}/nodes/:name`, handler: (_, { name = '' }) => node(world, name) },
    { pattern: `${base}/pods`, handler: (request, params) => pods(world, cache, request, params) },
    { pattern: `${base}/namespaces/:namespace/pods`, handler: (request, params) => pods(world, cache, request, params) },
    { pattern: `${base}/namespaces/:namespace/pods/:name`, handler: (_, { namespace = '', name = '' }) => pod(world, namespace, name) },
  ];
}
