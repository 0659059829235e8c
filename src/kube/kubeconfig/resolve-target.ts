import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KubeTarget } from './kube-target.js';
import { KubeconfigError } from './kubeconfig-error.js';
import { type MergedKubeconfig, mergeKubeconfigs } from './merge.js';
import { readKubeconfigFile } from './read-kubeconfig-file.js';

export interface TargetRequest {
  /** --kubeconfig: one file that must exist. */
  readonly kubeconfig?: string;
  /** --context: overrides current-context. */
  readonly context?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** Where a pod's service account is mounted; injectable for tests. */
  readonly serviceAccountDir?: string;
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export function kubeconfigPaths(request: TargetRequest): string[] {
  if (request.kubeconfig) return [request.kubeconfig];
  const fromEnv = request.env.KUBECONFIG;
  if (fromEnv) {
    const listed = [...new Set(fromEnv.split(path.delimiter).filter(Boolean))];
    // kubectl skips KUBECONFIG entries that do not exist.
    const present = listed.filter((file) => existsSync(file));
    if (present.length === 0) throw new KubeconfigError(`none of the KUBECONFIG files exist: ${listed.join(', ')}`);
    return present;
  }
  const home = path.join(request.homeDir, '.kube', 'config');
  return existsSync(home) ? [home] : [];
}

export function inClusterTarget(request: TargetRequest): KubeTarget | null {
  const dir = request.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const { KUBERNETES_SERVICE_HOST: host, KUBERNETES_SERVICE_PORT: port } = request.env;
  const tokenFile = path.join(dir, 'token');
  if (!host || !port || !existsSync(tokenFile)) return null;
  const namespaceFile = path.join(dir, 'namespace');
  const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : 'default';
  const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    context: 'in-cluster',
    clusterName: 'in-cluster',
    userName: 'service-account',
    namespace: namespace || 'default',
    server,
    cluster: { server, 'certificate-authority': path.join(dir, 'ca.crt') },
    user: { tokenFile },
  };
}

function names(map: ReadonlyMap<string, unknown>): string {
  return [...map.keys()].join(', ') || 'none';
}

export function selectTarget(merged: MergedKubeconfig, wanted: string | undefined): KubeTarget {
  const contextName = wanted ?? merged.currentContext;
  if (!contextName)
    throw new KubeconfigError(`no current context in ${merged.files.join(', ')}; pass --context (available: ${names(merged.contexts)})`);
  const context = merged.contexts.get(contextName);
  if (!context) throw new KubeconfigError(`context "${contextName}" not found in kubeconfig (available: ${names(merged.contexts)})`);
  const cluster = merged.clusters.get(context.cluster);
  if (!cluster)
    throw new KubeconfigError(`context "${contextName}" uses cluster "${context.cluster}", which the kubeconfig does not define`);
  const userName = context.user ?? '';
  const user = userName ? merged.users.get(userName) : {};
  if (!user) throw new KubeconfigError(`context "${contextName}" uses user "${userName}", which the kubeconfig does not define`);
  if (!/^https:\/\//i.test(cluster.server))
    throw new KubeconfigError(`cluster "${context.cluster}": server ${cluster.server} is not an https:// URL`);
  if (cluster['proxy-url']) throw new KubeconfigError(`cluster "${context.cluster}": proxy-url is not supported by kmon yet`);
  return {
    context: contextName,
    clusterName: context.cluster,
    userName,
    namespace: context.namespace || 'default',
    server: cluster.server.replace(/\/+$/, ''),
    cluster,
    user,
  };
}

/** Finds and merges kubeconfig files as kubectl does, falling back to the pod's service account. */
export function resolveTarget(request: TargetRequest): KubeTarget {
  const files = kubeconfigPaths(request);
  if (files.length === 0) {
    const inCluster = request.context ? null : inClusterTarget(request);
    if (inCluster) return inCluster;
    throw new KubeconfigError('no kubeconfig found: set KUBECONFIG, pass --kubeconfig, or create ~/.kube/config');
  }
  return selectTarget(mergeKubeconfigs(files.map(readKubeconfigFile)), request.context);
}
