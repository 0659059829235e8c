// Kubeconfigs for fault tests whose cluster is not (yet) the sim's own kubeconfig: a server that is
// not there, a token kept in a file, an exec plugin that hands out the sim's token, or a client key.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump as stringify } from 'js-yaml';
import { tempDir } from '../../helpers/temp-dir.js';

export interface TestKubeconfig {
  readonly path: string;
  /** The token the tokenFile or exec plugin hands out from now on. */
  setToken(token: string): Promise<void>;
  /** How many times the exec plugin has run. */
  pluginRuns(): number;
}

export interface KubeconfigSpec {
  readonly server: string;
  /** Trusted CA; without it TLS is not verified (the server's certificate does not exist yet). */
  readonly caPem?: string;
  /** A static token in the kubeconfig. */
  readonly token?: string;
  /** The token lives in a file kmon re-reads after a 401. */
  readonly tokenFile?: boolean;
  /** The user is an exec plugin printing an ExecCredential, as cloud providers' plugins do. */
  readonly exec?: boolean;
  /** A client certificate and key (PEM) beside the user's token. */
  readonly clientCert?: { readonly certPem: string; readonly keyPem: string };
}

/** A shell script that prints an ExecCredential with the token from a file, an hour to live, and counts its runs. */
function execPlugin(dir: string, tokenFile: string): string {
  const script = path.join(dir, 'get-token.sh');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `echo run >> '${path.join(dir, 'runs')}'`,
      // Valid for an hour, as cloud providers' tokens are: kmon keeps it until then, or a 401.
      `printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}' "$(cat '${tokenFile}')" "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)"`,
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return script;
}

export async function writeTestKubeconfig(spec: KubeconfigSpec): Promise<TestKubeconfig> {
  const dir = tempDir('kmon-fault-');
  const tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, 'no-token-yet\n');
  let user: Record<string, unknown> = { token: spec.token ?? 'no-token' };
  if (spec.tokenFile) user = { tokenFile };
  if (spec.exec) {
    user = {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: execPlugin(dir, tokenFile), interactiveMode: 'Never' },
    };
  }
  if (spec.clientCert) {
    const base64 = (pem: string) => Buffer.from(pem).toString('base64');
    user = { ...user, 'client-certificate-data': base64(spec.clientCert.certPem), 'client-key-data': base64(spec.clientCert.keyPem) };
  }
  const cluster = spec.caPem
    ? { server: spec.server, 'certificate-authority-data': Buffer.from(spec.caPem).toString('base64') }
    : { server: spec.server, 'insecure-skip-tls-verify': true };
  const file = path.join(dir, 'kubeconfig');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'test', cluster }],
      users: [{ name: 'tester', user }],
      contexts: [{ name: 'test', context: { cluster: 'test', user: 'tester' } }],
      'current-context': 'test',
    }),
    { mode: 0o600 },
  );
  return {
    path: file,
    setToken: async (token) => writeFileSync(tokenFile, `${token}\n`),
    pluginRuns: () => {
      try {
        return readFileSync(path.join(dir, 'runs'), 'utf8').split('\n').filter(Boolean).length;
      } catch {
        return 0;
      }
    },
  };
}
