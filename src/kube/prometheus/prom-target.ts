// Where kmon finds Prometheus (--prometheus, or prometheus: in the config file): its own URL, or a
// Service in the cluster reached through the apiserver's service proxy, for a Prometheus with no
// address outside the cluster (kube-prometheus-stack's, by default).

export type PromTarget =
  | { readonly kind: 'url'; readonly url: URL; readonly where: string }
  | {
      readonly kind: 'service';
      readonly namespace: string;
      readonly service: string;
      readonly port: string;
      readonly where: string;
    };

// DNS-1123 labels, as Kubernetes names namespaces and services; a port by number or by name.
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PORT = /^([0-9]{1,5}|[a-z0-9]([-a-z0-9]*[a-z0-9])?)$/;
const SERVICE_FORM = 'k8s://NAMESPACE/SERVICE:PORT, e.g. k8s://monitoring/prometheus-operated:9090';

/** The URL without user and password, to show: credentials in a URL must never reach the screen or a log. */
export function shownUrl(url: URL): string {
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  return bare.href.replace(/\/$/, '');
}

function serviceTarget(text: string): PromTarget {
  const m = /^k8s:\/\/([^/]+)\/([^/:]+):([^/:]+)\/?$/.exec(text);
  const [, namespace = '', service = '', port = ''] = m ?? [];
  if (!m || !NAME.test(namespace) || !NAME.test(service) || !PORT.test(port))
    throw new Error(`prometheus '${text}': expected ${SERVICE_FORM}`);
  return { kind: 'service', namespace, service, port, where: `k8s://${namespace}/${service}:${port}` };
}

/** Reads a --prometheus value; throws a plain Error saying what was expected. */
export function parsePromTarget(text: string): PromTarget {
  const value = text.trim();
  if (value.startsWith('k8s://')) return serviceTarget(value);
  const expected = `expected http://HOST:PORT, https://… or ${SERVICE_FORM}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`prometheus '${value}': ${expected}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`prometheus '${shownUrl(url)}': ${expected}`);
  if (url.search || url.hash) throw new Error(`prometheus '${shownUrl(url)}': give the server's address without ?query or #fragment`);
  return { kind: 'url', url, where: shownUrl(url) };
}
