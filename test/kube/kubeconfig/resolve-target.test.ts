import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dump as stringify } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { KubeconfigError } from '../../../src/kube/kubeconfig/kubeconfig-error.js';
import { mergeKubeconfigs } from '../../../src/kube/kubeconfig/merge.js';
import { readKubeconfigFile } from '../../../src/kube/kubeconfig/read-kubeconfig-file.js';
import { resolveTarget, type TargetRequest } from '../../../src/kube/kubeconfig/resolve-target.js';

const root = mkdtempSync(path.join(tmpdir(), 'kmon-kubeconfig-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** Writes a kubeconfig (YAML) into its own new directory and returns its path. */
function kubeconfig(content: unknown, name = 'config'): string {
  const dir = path.join(root, `d${counter++}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : stringify(content));
  return file;
}

const emptyHome = () => {
  const home = path.join(root, `home${counter++}`);
  mkdirSync(home);
  return home;
};

function request(over: Partial<TargetRequest>): TargetRequest {
  return { env: {}, homeDir: emptyHome(), serviceAccountDir: path.join(root, 'no-service-account'), ...over };
}

const cluster = (name: string, server: string, extra: Record<string, unknown> = {}) => ({ name, cluster: { server, ...extra } });
const user = (name: string, u: Record<string, unknown>) => ({ name, user: u });
const context = (name: string, c: string, u: string, namespace?: string) => ({
  name,
  context: { cluster: c, user: u, ...(namespace && { namespace }) },
});

// Two files that both define cluster c1, user u1 and context "shared", and both set current-context.
const fileA = kubeconfig({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [cluster('c1', 'https://a.example:6443/')],
  users: [user('u1', { token: 'token-a' })],
  contexts: [context('ctx-a', 'c1', 'u1', 'team-a'), context('shared', 'c1', 'u1')],
  'current-context': 'ctx-a',
});
const fileB = kubeconfig({
  clusters: [cluster('c1', 'https://b.example'), cluster('c2', 'https://b2.example')],
  users: [user('u1', { token: 'token-b' }), user('u2', { token: 'token-b2' })],
  contexts: [context('shared', 'c2', 'u2'), context('ctx-b', 'c2', 'u2')],
  'current-context': 'ctx-b',
});
const noCurrent = kubeconfig({ clusters: [], users: [], contexts: [] });
const both = [fileA, fileB].join(path.delimiter);

describe('resolveTarget with KUBECONFIG listing several files (kubectl merge rules)', () => {
  it.each<[string, string, string | undefined, Record<string, string>]>([
    [
      'the first current-context wins (client-node would take the last)',
      both,
      undefined,
      { context: 'ctx-a', server: 'https://a.example:6443', namespace: 'team-a' },
    ],
    [
      'the first definition of a repeated context wins',
      both,
      'shared',
      { context: 'shared', clusterName: 'c1', server: 'https://a.example:6443', userName: 'u1' },
    ],
    [
      'names defined only in a later file are found',
      both,
      'ctx-b',
      { clusterName: 'c2', server: 'https://b2.example', userName: 'u2', namespace: 'default' },
    ],
    [
      'reversed order: the other file wins',
      [fileB, fileA].join(path.delimiter),
      undefined,
      { context: 'ctx-b', server: 'https://b2.example' },
    ],
    ['a file without current-context defers to a later one', [noCurrent, fileB].join(path.delimiter), undefined, { context: 'ctx-b' }],
    ['missing entries are skipped', [path.join(root, 'missing'), '', fileB].join(path.delimiter), undefined, { context: 'ctx-b' }],
  ])('%s', (_, KUBECONFIG, ctx, expected) => {
    expect(resolveTarget(request({ env: { KUBECONFIG }, context: ctx }))).toMatchObject(expected);
  });

  it('the first definition of a repeated user wins', () => {
    expect(resolveTarget(request({ env: { KUBECONFIG: both }, context: 'shared' })).user.token).toBe('token-a');
  });

  it('mergeKubeconfigs keeps the first of each name and lists every file', () => {
    const merged = mergeKubeconfigs([fileA, fileB].map(readKubeconfigFile));
    expect([...merged.clusters.keys()]).toEqual(['c1', 'c2']);
    expect(merged.clusters.get('c1')?.server).toBe('https://a.example:6443/');
    expect([...merged.contexts.keys()]).toEqual(['ctx-a', 'shared', 'ctx-b']);
    expect(merged.currentContext).toBe('ctx-a');
    expect(merged.files).toEqual([fileA, fileB]);
  });

  it('every KUBECONFIG entry missing is an error naming them', () => {
    const missing = path.join(root, 'nope');
    expect(() => resolveTarget(request({ env: { KUBECONFIG: missing } }))).toThrow(`none of the KUBECONFIG files exist: ${missing}`);
  });
});

describe('relative file references', () => {
  it('resolve against the directory of the file that names them', () => {
    const first = kubeconfig({
      clusters: [cluster('c', 'https://h', { 'certificate-authority': 'pki/ca.crt' })],
      users: [user('u', { 'client-certificate': 'pki/client.crt', 'client-key': '/abs/client.key', tokenFile: 'token' })],
      contexts: [context('ctx', 'c', 'u'), context('other', 'c', 'u2')],
      'current-context': 'ctx',
    });
    const second = kubeconfig({
      users: [
        user('u2', { exec: { command: './bin/get-token', apiVersion: 'client.authentication.k8s.io/v1' } }),
        user('u3', { exec: { command: 'aws' } }),
      ],
    });
    const dir1 = path.dirname(first);
    const dir2 = path.dirname(second);
    const env = { KUBECONFIG: [first, second].join(path.delimiter) };
    const target = resolveTarget(request({ env }));
    expect(target.cluster['certificate-authority']).toBe(path.join(dir1, 'pki/ca.crt'));
    expect(target.user['client-certificate']).toBe(path.join(dir1, 'pki/client.crt'));
    expect(target.user['client-key']).toBe('/abs/client.key');
    expect(target.user.tokenFile).toBe(path.join(dir1, 'token'));
    expect(resolveTarget(request({ env, context: 'other' })).user.exec?.command).toBe(path.join(dir2, 'bin/get-token'));
    // a bare command is looked up on PATH, as kubectl does
    expect(mergeKubeconfigs([readKubeconfigFile(second)]).users.get('u3')?.exec?.command).toBe('aws');
  });
});

describe('resolveTarget errors', () => {
  const broken = kubeconfig({
    clusters: [cluster('c', 'https://h'), cluster('plain', 'http://h:8080')],
    users: [user('u', { token: 't' })],
    contexts: [context('no-cluster', 'ghost', 'u'), context('no-user', 'c', 'ghost'), context('http', 'plain', 'u')],
  });

  it.each<[string, Partial<TargetRequest>, string]>([
    [
      '--kubeconfig that does not exist',
      { kubeconfig: path.join(root, 'absent') },
      `kubeconfig ${path.join(root, 'absent')}: no such file`,
    ],
    [
      '--context unknown lists the contexts',
      { kubeconfig: broken, context: 'prod' },
      'context "prod" not found in kubeconfig (available: no-cluster, no-user, http)',
    ],
    [
      'a context naming a missing cluster',
      { kubeconfig: broken, context: 'no-cluster' },
      'context "no-cluster" uses cluster "ghost", which the kubeconfig does not define',
    ],
    [
      'a context naming a missing user',
      { kubeconfig: broken, context: 'no-user' },
      'context "no-user" uses user "ghost", which the kubeconfig does not define',
    ],
    ['a plain http server', { kubeconfig: broken, context: 'http' }, 'cluster "plain": server http://h:8080 is not an https:// URL'],
    [
      'no current context and no --context',
      { kubeconfig: broken },
      `no current context in ${broken}; pass --context (available: no-cluster, no-user, http)`,
    ],
    ['an empty file', { kubeconfig: kubeconfig('') }, 'pass --context (available: none)'],
    ['nothing at all', {}, 'no kubeconfig found: set KUBECONFIG, pass --kubeconfig, or create ~/.kube/config'],
  ])('%s', (_, over, message) => {
    const attempt = () => resolveTarget(request(over));
    expect(attempt).toThrow(KubeconfigError);
    expect(attempt).toThrow(message);
  });

  it('invalid YAML is one line naming the file and the line', () => {
    const file = kubeconfig('apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: "https://h"\nusers: []\n');
    let message = '';
    try {
      resolveTarget(request({ kubeconfig: file }));
    } catch (e) {
      expect(e).toBeInstanceOf(KubeconfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(new RegExp(`^kubeconfig ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid YAML at line \\d+$`));
  });

  it('a wrong shape names the field', () => {
    const file = kubeconfig({ clusters: 'none' });
    expect(() => resolveTarget(request({ kubeconfig: file }))).toThrow(/^kubeconfig .*config: clusters: /);
    expect(() => resolveTarget(request({ kubeconfig: kubeconfig({ contexts: [{ name: 'x', context: {} }] }) }))).toThrow(
      'contexts.0.context.cluster: ',
    );
  });
});

describe('default locations', () => {
  it('reads ~/.kube/config when KUBECONFIG is unset', () => {
    const home = emptyHome();
    mkdirSync(path.join(home, '.kube'));
    writeFileSync(
      path.join(home, '.kube', 'config'),
      stringify({
        clusters: [cluster('c', 'https://home')],
        users: [user('u', {})],
        contexts: [context('ctx', 'c', 'u')],
        'current-context': 'ctx',
      }),
    );
    expect(resolveTarget({ env: {}, homeDir: home, serviceAccountDir: path.join(root, 'none') }).server).toBe('https://home');
  });

  function serviceAccount(files: Record<string, string>): string {
    const dir = path.join(root, `sa${counter++}`);
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    return dir;
  }

  it.each([
    ['10.96.0.1', '443', 'https://10.96.0.1:443'],
    ['fd00::1', '6443', 'https://[fd00::1]:6443'],
  ])('in a pod with no kubeconfig: the service account, host %s', (host, port, server) => {
    const dir = serviceAccount({ token: 'sa-token\n', namespace: 'monitoring\n', 'ca.crt': 'CA' });
    const target = resolveTarget({
      env: { KUBERNETES_SERVICE_HOST: host, KUBERNETES_SERVICE_PORT: port },
      homeDir: emptyHome(),
      serviceAccountDir: dir,
    });
    expect(target).toEqual({
      context: 'in-cluster',
      clusterName: 'in-cluster',
      userName: 'service-account',
      namespace: 'monitoring',
      server,
      cluster: { server, 'certificate-authority': path.join(dir, 'ca.crt') },
      user: { tokenFile: path.join(dir, 'token') },
    });
  });

  it('in-cluster needs the service env, and is not used with --context', () => {
    const dir = serviceAccount({ token: 't' });
    const base = { homeDir: emptyHome(), serviceAccountDir: dir };
    expect(() => resolveTarget({ ...base, env: {} })).toThrow('no kubeconfig found');
    const env = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };
    expect(resolveTarget({ ...base, env }).namespace).toBe('default');
    expect(() => resolveTarget({ ...base, env, context: 'x' })).toThrow('no kubeconfig found');
  });
});
