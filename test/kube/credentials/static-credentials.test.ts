import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticCredentials } from '../../../src/kube/credentials/static-credentials.js';
import { KubeconfigError } from '../../../src/kube/kubeconfig/kubeconfig-error.js';
import type { UserEntry } from '../../../src/kube/kubeconfig/schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kmon-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('staticCredentials headers', () => {
  it.each<[string, UserEntry, Record<string, unknown>]>([
    ['bearer token', { token: 'abc.def' }, { Authorization: 'Bearer abc.def' }],
    ['basic auth', { username: 'admin', password: 's3cret' }, { Authorization: `Basic ${b64('admin:s3cret')}` }],
    ['basic auth without a password', { username: 'admin' }, { Authorization: `Basic ${b64('admin:')}` }],
    ['a token wins over basic auth', { token: 't', username: 'u', password: 'p' }, { Authorization: 'Bearer t' }],
    ['nobody', {}, {}],
    [
      'impersonation',
      { token: 't', as: 'jane', 'as-groups': ['dev', 'ops'] },
      { Authorization: 'Bearer t', 'Impersonate-User': 'jane', 'Impersonate-Group': ['dev', 'ops'] },
    ],
    ['empty as-groups sends no header', { as: 'jane', 'as-groups': [] }, { 'Impersonate-User': 'jane' }],
  ])('%s', async (_, user, headers) => {
    const material = await staticCredentials(user).current();
    expect(material.headers).toEqual(headers);
    expect(material.cert).toBeUndefined();
  });
});

describe('token files', () => {
  it('is read, trimmed, and re-read after refresh() (a rotated service-account token)', async () => {
    const tokenFile = file('token', 'first-token\n');
    const credentials = staticCredentials({ tokenFile });
    expect((await credentials.current()).headers.Authorization).toBe('Bearer first-token');
    writeFileSync(tokenFile, 'second-token\n');
    // cached until a 401 asks for a refresh
    expect((await credentials.current()).headers.Authorization).toBe('Bearer first-token');
    await credentials.refresh();
    expect((await credentials.current()).headers.Authorization).toBe('Bearer second-token');
  });

  it('is re-read once it is a minute old', async () => {
    let now = 0;
    const tokenFile = file('token-ttl', 'one');
    const credentials = staticCredentials({ tokenFile }, () => now);
    expect((await credentials.current()).headers.Authorization).toBe('Bearer one');
    writeFileSync(tokenFile, 'two');
    now = 60_000;
    expect((await credentials.current()).headers.Authorization).toBe('Bearer one');
    now = 60_001;
    expect((await credentials.current()).headers.Authorization).toBe('Bearer two');
  });
});

describe('client certificates', () => {
  const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const KEY = '-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\n';

  it('from base64 data', async () => {
    const material = await staticCredentials({ 'client-certificate-data': b64(CERT), 'client-key-data': b64(KEY) }).current();
    expect(material.cert?.toString()).toBe(CERT);
    expect(material.key?.toString()).toBe(KEY);
    expect(material.headers).toEqual({});
  });

  it('from files', async () => {
    const material = await staticCredentials({
      'client-certificate': file('client.crt', CERT),
      'client-key': file('client.key', KEY),
    }).current();
    expect(material.cert?.toString()).toBe(CERT);
    expect(material.key?.toString()).toBe(KEY);
  });

  it('data wins over a file', async () => {
    const material = await staticCredentials({
      'client-certificate-data': b64(CERT),
      'client-certificate': path.join(dir, 'missing.crt'),
      'client-key-data': b64(KEY),
    }).current();
    expect(material.cert?.toString()).toBe(CERT);
  });

  it.each<[string, UserEntry, string]>([
    ['a certificate without its key', { 'client-certificate-data': b64(CERT) }, 'client certificate without its key'],
    ['a key without its certificate', { 'client-key-data': b64(KEY) }, 'a key without its certificate'],
    [
      'a certificate file that is missing',
      { 'client-certificate': path.join(dir, 'gone.crt'), 'client-key-data': b64(KEY) },
      `client certificate ${path.join(dir, 'gone.crt')}: cannot read (ENOENT)`,
    ],
  ])('%s is a KubeconfigError at start', (_, user, message) => {
    expect(() => staticCredentials(user)).toThrow(KubeconfigError);
    expect(() => staticCredentials(user)).toThrow(message);
  });
});
