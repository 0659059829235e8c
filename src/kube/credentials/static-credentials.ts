import { readFileSync } from 'node:fs';
import { KubeconfigError } from '../kubeconfig/kubeconfig-error.js';
import type { UserEntry } from '../kubeconfig/schema.js';
import { type AuthMaterial, type Credentials, impersonationHeaders } from './credentials.js';

// Service-account tokens are rotated on disk; kubectl re-reads the file about once a minute.
const TOKEN_FILE_TTL_MS = 60_000;

function fileOrData(what: string, file: string | undefined, data: string | undefined): Buffer | undefined {
  if (data) return Buffer.from(data, 'base64');
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (e) {
    throw new KubeconfigError(`${what} ${file}: cannot read (${(e as NodeJS.ErrnoException).code})`);
  }
}

/** Bearer tokens, token files, client certificates and basic auth, without loading client-node. */
export function staticCredentials(user: UserEntry, now: () => number = Date.now): Credentials {
  const cert = fileOrData('client certificate', user['client-certificate'], user['client-certificate-data']);
  const key = fileOrData('client key', user['client-key'], user['client-key-data']);
  if (Boolean(cert) !== Boolean(key))
    throw new KubeconfigError('kubeconfig user has a client certificate without its key, or a key without its certificate');
  let fileToken: { value: string; readAt: number } | null = null;

  const bearer = (): string | undefined => {
    if (user.token) return user.token;
    if (!user.tokenFile) return undefined;
    if (!fileToken || now() - fileToken.readAt > TOKEN_FILE_TTL_MS) {
      fileToken = { value: readFileSync(user.tokenFile, 'utf8').trim(), readAt: now() };
    }
    return fileToken.value;
  };

  return {
    async current(): Promise<AuthMaterial> {
      const headers: Record<string, string | readonly string[]> = impersonationHeaders(user);
      const token = bearer();
      if (token) headers.Authorization = `Bearer ${token}`;
      else if (user.username !== undefined) {
        headers.Authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`;
      }
      return cert && key ? { headers, cert, key } : { headers };
    },
    async refresh(): Promise<void> {
      fileToken = null;
    },
  };
}
