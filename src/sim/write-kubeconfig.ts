import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

export interface KubeconfigParams {
  readonly server: string;
  readonly caPem: string;
  readonly token: string;
  readonly contextName: string;
  readonly userName: string;
}

/** A kubeconfig with one cluster (trusting the CA inline), one token user and one current context. */
export function kubeconfigYaml(p: KubeconfigParams): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: p.contextName, cluster: { server: p.server, 'certificate-authority-data': Buffer.from(p.caPem).toString('base64') } },
    ],
    users: [{ name: p.userName, user: { token: p.token } }],
    contexts: [{ name: p.contextName, context: { cluster: p.contextName, user: p.userName } }],
    'current-context': p.contextName,
    preferences: {},
  });
}

/** Writes it readable by the owner only, as it holds a credential. */
export async function writeKubeconfig(path: string, params: KubeconfigParams): Promise<void> {
  await writeFile(path, kubeconfigYaml(params), { mode: 0o600 });
}
