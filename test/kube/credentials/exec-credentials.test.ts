import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execCredentials } from '../../../src/kube/credentials/exec-credentials.js';
import { KubeError } from '../../../src/kube/kube-error.js';
import type { KubeTarget } from '../../../src/kube/kubeconfig/kube-target.js';
import { tempDir } from '../../helpers/temp-dir.js';

// Exec plugins as cloud providers ship them: a command printing an ExecCredential on stdout.

const dir = tempDir('kmon-exec-');

/** A plugin script that records its environment and runs, and prints `output`. */
function plugin(name: string, output: string, exit = 0): { command: string; runs: () => number; env: () => Record<string, string> } {
  const command = path.join(dir, name);
  const runs = path.join(dir, `${name}.runs`);
  const env = path.join(dir, `${name}.env`);
  writeFileSync(runs, '');
  writeFileSync(
    command,
    [
      '#!/bin/sh',
      `echo run >> '${runs}'`,
      `printf '%s\\n%s\\n%s' "$KUBERNETES_EXEC_INFO" "$REGION" "$1" > '${env}'`,
      `cat <<'EOF'\n${output}\nEOF`,
      exit ? `echo 'token expired: run aws sso login' >&2; exit ${exit}` : '',
    ].join('\n'),
  );
  chmodSync(command, 0o755);
  return {
    command,
    runs: () => readFileSync(runs, 'utf8').split('\n').filter(Boolean).length,
    env: () => {
      const [info = '', region = '', arg = ''] = readFileSync(env, 'utf8').split('\n');
      return { info, region, arg };
    },
  };
}

function target(exec: Record<string, unknown>): KubeTarget {
  return {
    context: 'ctx',
    clusterName: 'c',
    userName: 'me',
    namespace: 'default',
    server: 'https://10.0.0.1:6443',
    cluster: { server: 'https://10.0.0.1:6443', 'certificate-authority-data': 'Q0E=' },
    user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: '', ...exec } },
  };
}

const credential = (status: Record<string, unknown>) =>
  JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status });

describe('exec credential plugins', () => {
  it('a token becomes a bearer header; args and env reach the plugin, and KUBERNETES_EXEC_INFO says it is not interactive', async () => {
    const p = plugin('token', credential({ token: 'abc' }));
    const creds = execCredentials(target({ command: p.command, args: ['eks'], env: [{ name: 'REGION', value: 'eu-west-1' }] }));
    expect((await creds.current()).headers).toEqual({ Authorization: 'Bearer abc' });
    const seen = p.env();
    expect(seen.region).toBe('eu-west-1');
    expect(seen.arg).toBe('eks');
    expect(JSON.parse(seen.info ?? '')).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      spec: { interactive: false },
    });
  });

  it('provideClusterInfo passes the server and CA to the plugin', async () => {
    const p = plugin('cluster-info', credential({ token: 'abc' }));
    await execCredentials(target({ command: p.command, provideClusterInfo: true })).current();
    expect(JSON.parse(p.env().info ?? '').spec.cluster).toMatchObject({
      server: 'https://10.0.0.1:6443',
      'certificate-authority-data': 'Q0E=',
    });
  });

  it('a client certificate and key become TLS material', async () => {
    const p = plugin('cert', credential({ clientCertificateData: 'CERT', clientKeyData: 'KEY' }));
    const auth = await execCredentials(target({ command: p.command })).current();
    expect(auth.cert?.toString()).toBe('CERT');
    expect(auth.key?.toString()).toBe('KEY');
    expect(auth.headers.Authorization).toBeUndefined();
  });

  it('a credential is reused until shortly before it expires; requests at the same moment share one run', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const p = plugin('expiring', credential({ token: 'abc', expirationTimestamp: '2026-12-01T10:15:00Z' }));
    const creds = execCredentials(target({ command: p.command }), () => now);
    await Promise.all([creds.current(), creds.current(), creds.current()]);
    expect(p.runs()).toBe(1);
    now += 14 * 60_000;
    await creds.current();
    expect(p.runs()).toBe(1);
    now += 55_000;
    await creds.current();
    expect(p.runs()).toBe(2);
  });

  it('refresh (after a 401) runs the plugin again', async () => {
    const p = plugin('refresh', credential({ token: 'abc', expirationTimestamp: '2099-01-01T00:00:00Z' }));
    const creds = execCredentials(target({ command: p.command }));
    await creds.current();
    await creds.refresh();
    await creds.current();
    expect(p.runs()).toBe(2);
  });

  it.each<[string, () => Record<string, unknown>, RegExp]>([
    [
      'a plugin that fails says what it printed',
      () => ({ command: plugin('fails', '', 1).command }),
      /failed: token expired: run aws sso login$/,
    ],
    ['output that is not JSON', () => ({ command: plugin('garbage', 'hello').command }), /not an ExecCredential \(not JSON\)/],
    [
      'an ExecCredential with nothing in it',
      () => ({ command: plugin('empty', credential({})).command }),
      /neither a token nor a client certificate/,
    ],
    [
      'a command that is not there, with its install hint',
      () => ({ command: path.join(dir, 'no-such-plugin'), installHint: 'brew install aws-iam-authenticator' }),
      /no-such-plugin: not found \(brew install aws-iam-authenticator\)$/,
    ],
  ])('%s: an unauthorized KubeError naming the user', async (_, exec, message) => {
    const error = await execCredentials(target(exec()))
      .current()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect((error as Error).message).toMatch(/^credential plugin for user "me" failed: /);
    expect((error as Error).message).toMatch(message);
  });
});
