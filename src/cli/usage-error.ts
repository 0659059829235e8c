/** Input the user must fix (flags, config, kubeconfig): one line on stderr, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
