import type { UserEntry } from '../kubeconfig/schema.js';

/** What a request carries to authenticate: headers and, for certificate users, a client key pair. */
export interface AuthMaterial {
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly cert?: Buffer;
  readonly key?: Buffer;
}

export interface Credentials {
  current(): Promise<AuthMaterial>;
  /** After a 401: re-read token files or re-run the exec/OIDC provider, once. */
  refresh(): Promise<void>;
}

export function impersonationHeaders(user: UserEntry): Record<string, string | readonly string[]> {
  const headers: Record<string, string | readonly string[]> = {};
  if (user.as) headers['Impersonate-User'] = user.as;
  if (user['as-groups']?.length) headers['Impersonate-Group'] = user['as-groups'];
  return headers;
}
