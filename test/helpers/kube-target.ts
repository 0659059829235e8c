import type { KubeTarget } from '../../src/kube/kubeconfig/kube-target.js';

/** A cluster at https://h with no credentials, for clients whose transport the test provides. */
export const TEST_TARGET: KubeTarget = {
  context: 'c',
  clusterName: 'c',
  userName: 'u',
  namespace: 'default',
  server: 'https://h',
  cluster: { server: 'https://h' },
  user: {},
};
