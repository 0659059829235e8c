/** A kubeconfig that cannot be used as given; the message says what to fix. */
export class KubeconfigError extends Error {
  override name = 'KubeconfigError';
}
