import type { Faults } from './fault-switches.js';
import type { Route } from './router.js';
import { JSON_TYPE, jsonResponse, type SimResponse, textResponse } from './sim-response.js';

// Legacy discovery documents. kubectl asks for aggregated discovery (apidiscovery.k8s.io/v2)
// first; a plain APIVersions/APIGroupList answered as application/json makes it fall back.

const METRICS = { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' };
const READ = ['get', 'list', 'watch'];

const CORE_RESOURCES = [
  {
    name: 'namespaces',
    singularName: 'namespace',
    namespaced: false,
    kind: 'Namespace',
    verbs: READ,
    shortNames: ['ns'],
    storageVersionHash: 'Q3oi5N2YM8M=',
  },
  {
    name: 'nodes',
    singularName: 'node',
    namespaced: false,
    kind: 'Node',
    verbs: READ,
    shortNames: ['no'],
    storageVersionHash: 'XwShjMxG9Fs=',
  },
  { name: 'nodes/proxy', singularName: '', namespaced: false, kind: 'NodeProxyOptions', verbs: ['get'] },
  {
    name: 'pods',
    singularName: 'pod',
    namespaced: true,
    kind: 'Pod',
    verbs: READ,
    shortNames: ['po'],
    categories: ['all'],
    storageVersionHash: 'xPOwRZ+Yhw8=',
  },
];

const METRICS_RESOURCES = [
  { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
  { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
];

const metricsGroup = { name: 'metrics.k8s.io', versions: [METRICS], preferredVersion: METRICS };

// /version is written with json.MarshalIndent and no trailing newline (responsewriters.WriteRawJSON).
function version(): SimResponse {
  const info = {
    major: '1',
    minor: '35',
    emulationMajor: '1',
    emulationMinor: '35',
    minCompatibilityMajor: '1',
    minCompatibilityMinor: '34',
    gitVersion: 'v1.35.0',
    gitCommit: '66452049f3d692768c39c797b21b793dce80314e',
    gitTreeState: 'clean',
    buildDate: '2025-12-17T12:32:06Z',
    goVersion: 'go1.25.5',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
  return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(info, null, 2) };
}

export function discoveryRoutes(faults: () => Faults): Route[] {
  const ok = () => textResponse(200, 'ok');
  return [
    { pattern: '/version', handler: version },
    { pattern: '/healthz', handler: ok },
    { pattern: '/livez', handler: ok },
    { pattern: '/readyz', handler: ok },
    {
      pattern: '/api',
      // The apiserver advertises its own address; the address the client used is the same here.
      handler: (request) =>
        jsonResponse(200, {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: request.headers.host ?? '' }],
        }),
    },
    { pattern: '/api/v1', handler: () => jsonResponse(200, { kind: 'APIResourceList', groupVersion: 'v1', resources: CORE_RESOURCES }) },
    {
      pattern: '/apis',
      handler: () =>
        jsonResponse(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: faults().metricsApi === 'absent' ? [] : [metricsGroup] }),
    },
    { pattern: '/apis/metrics.k8s.io', handler: () => jsonResponse(200, { kind: 'APIGroup', apiVersion: 'v1', ...metricsGroup }) },
    {
      pattern: '/apis/metrics.k8s.io/v1beta1',
      handler: () =>
        jsonResponse(200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: METRICS.groupVersion, resources: METRICS_RESOURCES }),
    },
  ];
}
