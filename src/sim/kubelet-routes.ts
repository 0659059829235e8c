import { cadvisorMetrics } from './cadvisor-text.js';
import { kubeletConfigz } from './kubelet-configz.js';
import { kubeletSummary, nodeFilesystem, nodeTraffic, podTraffic } from './kubelet-summary.js';
import { cpuCounters, sampleNode } from './node-sample.js';
import { nodeDown } from './node-state.js';
import { PROMETHEUS_TYPE } from './prom-text.js';
import { resourceMetrics } from './resource-metrics-text.js';
import type { Route } from './router.js';
import { JSON_TYPE, type SimResponse, textResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { objectNotFound, serviceUnavailable } from './status-body.js';

// The kubelet behind the apiserver's node proxy: GET /api/v1/nodes/NAME/proxy/<kubelet path>.

function kubelet(world: SimWorld, nodeName: string, path: string, query: URLSearchParams): SimResponse {
  const index = world.findNode(nodeName);
  const node = index === null ? undefined : world.layout.nodes[index];
  if (index === null || !node || !world.nodePresent(index)) return objectNotFound('nodes', nodeName);
  // A stopped kubelet refuses the apiserver's connection; the proxy reports it as a 503.
  if (nodeDown(world.scenarios, index, world.now))
    return serviceUnavailable(`error trying to reach service: dial tcp ${node.ip}:10250: connect: connection refused`);
  if (path === 'healthz') return textResponse(200, 'ok');
  const sample = () => sampleNode(world, index, world.usage.scrapeIndex(world.now));
  switch (path) {
    case 'stats/summary': {
      const summary = kubeletSummary(world, sample(), query.get('only_cpu_and_memory') === 'true');
      // go-restful's WriteAsJson: one-space indent, no trailing newline.
      return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(summary, null, 1) };
    }
    case 'configz':
      return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(kubeletConfigz(node)) };
    case 'metrics/resource': {
      const s = sample();
      return textResponse(200, resourceMetrics(s, cpuCounters(world, s)), PROMETHEUS_TYPE);
    }
    case 'metrics/cadvisor': {
      const s = sample();
      const text = cadvisorMetrics(world, s, cpuCounters(world, s), nodeFilesystem(world, s), nodeTraffic(world, s), (p) =>
        podTraffic(world, s, p),
      );
      return textResponse(200, text, PROMETHEUS_TYPE);
    }
    default:
      return textResponse(404, '404 page not found\n');
  }
}

export function kubeletRoutes(world: SimWorld): Route[] {
  return [
    {
      pattern: '/api/v1/nodes/:node/proxy/*path',
      handler: (request, { node = '', path = '' }) => kubelet(world, node, path, request.query),
    },
  ];
}
