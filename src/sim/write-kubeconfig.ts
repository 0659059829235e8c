import { writeFile } from 'node:fs/promises';
import { dump } from 'js-yaml';

export interface KubeconfigParams {
  readonly server: string;
  readonly caPem: string;
  readonly token: string;
  readonly contextName: string;
  readonly userName: string;
}

/** A kubeconfig with one cluster (trusting the CA inline), one token user and one current context. */
export function kubeconfigYaml(p: KubeconfigParams): string {
  return dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: p.contextName, cluster: { server: p.server, 'certificate-authority-data': Buffer.from(p.caPem).toString('base64') } },
      ],
      users: [{ name: p.userName, user: { token: p.token } }],
      contexts: [{ name: p.contextName, context: { cluster: p.contextName, user: p.userName } }],
      'current-context': p.contextName,
      preferences: {},
    },
    // One line per value, as kubectl writes it: the CA is one long base64 line, not folded.
    { lineWidth: -1 },
  );
}

/** Writes it readable by the owner only, as it holds a credential. */
export async function writeKubeconfig(path: string, params: KubeconfigParams): Promise<void> {
  await writeFile(path, kubeconfigYaml(params), { mode: 0o600 });
}
