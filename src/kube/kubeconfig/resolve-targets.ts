import type { KubeTarget } from './kube-target.js';
import { KubeconfigError } from './kubeconfig-error.js';
import { type MergedKubeconfig, mergeKubeconfigs } from './merge.js';
import { readKubeconfigFile } from './read-kubeconfig-file.js';
import { inClusterTarget, kubeconfigPaths, selectTarget, type TargetRequest } from './resolve-target.js';

export interface FleetRequest extends Omit<TargetRequest, 'context'> {
  /** The contexts named (--context, repeated), or every one the kubeconfig has (--all-contexts). */
  readonly contexts: readonly string[] | 'all';
}

/** One context of a fleet: its target, or why the kubeconfig cannot reach it as written. */
export type FleetTarget =
  | { readonly context: string; readonly target: KubeTarget; readonly error?: never }
  | { readonly context: string; readonly error: string; readonly target?: never };

function loadMerged(request: Omit<TargetRequest, 'context'>): MergedKubeconfig | null {
  const files = kubeconfigPaths(request);
  return files.length === 0 ? null : mergeKubeconfigs(files.map(readKubeconfigFile));
}

/** Every context of the kubeconfig, in the order its files list them: the context picker's choices. */
export function kubeconfigContexts(request: Omit<TargetRequest, 'context'>): string[] {
  const merged = loadMerged(request);
  if (merged) return [...merged.contexts.keys()];
  return inClusterTarget(request) ? ['in-cluster'] : [];
}

/**
 * The targets of several contexts from one reading of the kubeconfig. A context named that does
 * not exist is a mistake on the command line (thrown, as for one --context); one that exists but
 * cannot be used as written (a cluster or user it does not define, a proxy) is that cluster's own
 * error, so the rest of the fleet is still watched.
 */
export function resolveTargets(request: FleetRequest): FleetTarget[] {
  const merged = loadMerged(request);
  if (!merged) {
    const inCluster = request.contexts === 'all' ? inClusterTarget(request) : null;
    if (inCluster) return [{ context: inCluster.context, target: inCluster }];
    throw new KubeconfigError('no kubeconfig found: set KUBECONFIG, pass --kubeconfig, or create ~/.kube/config');
  }
  const names = request.contexts === 'all' ? [...merged.contexts.keys()] : [...new Set(request.contexts)];
  if (names.length === 0) throw new KubeconfigError(`no contexts in ${merged.files.join(', ')}`);
  const known = [...merged.contexts.keys()].join(', ');
  for (const name of names) {
    if (!merged.contexts.has(name)) throw new KubeconfigError(`context "${name}" not found in kubeconfig (available: ${known})`);
  }
  return names.map((context) => {
    try {
      return { context, target: selectTarget(merged, context) };
    } catch (e) {
      if (e instanceof KubeconfigError) return { context, error: e.message };
      throw e;
    }
  });
}
