import type { KubeClient } from '../kube-client.js';
import { directGetter } from './direct-getter.js';
import { PromClient } from './prom-client.js';
import type { PromTarget } from './prom-target.js';
import { serviceGetter } from './service-getter.js';

/** A client for the Prometheus `target` names: at its URL, or through `kube`'s apiserver for a k8s:// Service. */
export function connectPrometheus(target: PromTarget, kube: KubeClient, timeoutMs: number): PromClient {
  const getter =
    target.kind === 'url'
      ? directGetter(target.url, target.where)
      : serviceGetter(kube, { namespace: target.namespace, name: target.service, port: target.port }, target.where);
  return new PromClient(getter, timeoutMs);
}
