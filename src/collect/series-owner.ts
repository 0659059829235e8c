import type { NodeInfo, PodInfo } from '../model/records.js';

// Whose a Prometheus series is. kube-prometheus-stack's kubelet and cAdvisor series carry a `node`
// label; where a series has none, its `instance` is the target's address, which for a kubelet is the
// node's InternalIP and port (10.0.4.17:10250), and for a relabelled node-exporter the node's name.

/** The host part of an instance label: "10.0.4.17:10250" → "10.0.4.17", "[fd00::1]:10250" → "fd00::1". */
export function instanceHost(instance: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(instance);
  if (bracketed) return bracketed[1] ?? '';
  const colons = instance.split(':').length - 1;
  return colons === 1 ? instance.slice(0, instance.lastIndexOf(':')) : instance;
}

/** Finds the node a series belongs to, by its node label, else by its instance (InternalIP or name). */
export function nodeOwner(nodes: readonly NodeInfo[]): (labels: Readonly<Record<string, string>>) => NodeInfo | undefined {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const byIp = new Map(nodes.flatMap((n) => (n.internalIP ? [[n.internalIP, n] as const] : [])));
  return (labels) => {
    if (labels.node) return byName.get(labels.node);
    if (!labels.instance) return undefined;
    const host = instanceHost(labels.instance);
    return byIp.get(host) ?? byName.get(host);
  };
}

/**
 * Finds the pod a series belongs to, by namespace and name. A name is reused by the pod that
 * replaces one (a StatefulSet's), so samples from before the pod was created are not its own.
 */
export function podOwner(pods: readonly PodInfo[]): (labels: Readonly<Record<string, string>>) => PodInfo | undefined {
  const byName = new Map(pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  return (labels) => (labels.namespace && labels.pod ? byName.get(`${labels.namespace}/${labels.pod}`) : undefined);
}
