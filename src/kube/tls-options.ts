import { readFileSync } from 'node:fs';
import type { AgentOptions } from 'node:https';
import { KubeconfigError } from './kubeconfig/kubeconfig-error.js';
import type { ClusterEntry } from './kubeconfig/schema.js';

/** Server trust from a kubeconfig cluster entry: its CA, SNI name, or skipping verification. */
export function clusterTlsOptions(cluster: ClusterEntry): AgentOptions {
  const options: AgentOptions = {};
  if (cluster['certificate-authority-data']) options.ca = Buffer.from(cluster['certificate-authority-data'], 'base64');
  else if (cluster['certificate-authority']) {
    try {
      options.ca = readFileSync(cluster['certificate-authority']);
    } catch (e) {
      throw new KubeconfigError(
        `certificate-authority ${cluster['certificate-authority']}: cannot read (${(e as NodeJS.ErrnoException).code})`,
      );
    }
  }
  if (cluster['insecure-skip-tls-verify']) options.rejectUnauthorized = false;
  if (cluster['tls-server-name']) options.servername = cluster['tls-server-name'];
  return options;
}
