import path from 'node:path';
import type { ClusterEntry, ContextEntry, KubeconfigFile, UserEntry } from './schema.js';

export interface LoadedFile {
  readonly path: string;
  readonly content: KubeconfigFile;
}

export interface MergedKubeconfig {
  readonly clusters: ReadonlyMap<string, ClusterEntry>;
  readonly users: ReadonlyMap<string, UserEntry>;
  readonly contexts: ReadonlyMap<string, ContextEntry>;
  readonly currentContext: string | null;
  readonly files: readonly string[];
}

function absolute(dir: string, file: string | undefined): string | undefined {
  return file === undefined || file === '' || path.isAbsolute(file) ? file : path.join(dir, file);
}

// kubectl resolves file references against the directory of the file that names them
// (clientcmd ResolveLocalPaths); an exec command only when it is a relative path, not a bare name.
function resolveCluster(dir: string, c: ClusterEntry): ClusterEntry {
  return { ...c, 'certificate-authority': absolute(dir, c['certificate-authority']) };
}

function resolveUser(dir: string, u: UserEntry): UserEntry {
  const resolved: UserEntry = {
    ...u,
    'client-certificate': absolute(dir, u['client-certificate']),
    'client-key': absolute(dir, u['client-key']),
    tokenFile: absolute(dir, u.tokenFile),
  };
  if (u.exec?.command.includes('/')) resolved.exec = { ...u.exec, command: absolute(dir, u.exec.command) ?? u.exec.command };
  return resolved;
}

function addFirst<E extends { name: string }, T>(
  into: Map<string, T>,
  entries: readonly E[] | null | undefined,
  body: (e: E) => T | undefined,
): void {
  for (const entry of entries ?? []) {
    const value = body(entry);
    if (value !== undefined && !into.has(entry.name)) into.set(entry.name, value);
  }
}

/**
 * Merges KUBECONFIG files the way kubectl does: the first file to define a cluster, user or context
 * name wins and later definitions are ignored, and the first file that sets current-context wins.
 * (client-node 1.x throws on repeated names and lets the last current-context win.)
 */
export function mergeKubeconfigs(files: readonly LoadedFile[]): MergedKubeconfig {
  const clusters = new Map<string, ClusterEntry>();
  const users = new Map<string, UserEntry>();
  const contexts = new Map<string, ContextEntry>();
  let currentContext: string | null = null;
  for (const { path: file, content } of files) {
    const dir = path.dirname(file);
    addFirst(clusters, content.clusters, (e) => e.cluster && resolveCluster(dir, e.cluster));
    addFirst(users, content.users, (e) => resolveUser(dir, e.user ?? {}));
    addFirst(contexts, content.contexts, (e) => e.context);
    if (!currentContext && content['current-context']) currentContext = content['current-context'];
  }
  return { clusters, users, contexts, currentContext, files: files.map((f) => f.path) };
}
