import type { SimRequest } from './sim-response.js';

/** The node and kubelet path of a request through the apiserver's node proxy, or null. */
export function proxiedKubelet(request: SimRequest): { node: string; path: string } | null {
  const [api, v1, nodes, node, proxy, ...rest] = request.segments;
  if (api !== 'api' || v1 !== 'v1' || nodes !== 'nodes' || node === undefined || proxy !== 'proxy') return null;
  return { node, path: rest.join('/') };
}
