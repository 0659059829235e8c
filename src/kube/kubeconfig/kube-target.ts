import type { ClusterEntry, UserEntry } from './schema.js';

/** The cluster, user and namespace one kmon run talks to, resolved from kubeconfig or in-cluster. */
export interface KubeTarget {
  readonly context: string;
  readonly clusterName: string;
  readonly userName: string;
  /** The context's namespace, "default" when it sets none (as kubectl). */
  readonly namespace: string;
  readonly server: string;
  readonly cluster: ClusterEntry;
  readonly user: UserEntry;
}
