import type { ChildProcess } from 'node:child_process';
import * as z from 'zod/mini';
import '../zod-english.js';
import { safeText } from '../../model/safe-text.js';
import { KubeError } from '../kube-error.js';
import type { KubeTarget } from '../kubeconfig/kube-target.js';
import { lazyImport } from '../lazy-import.js';
import { type AuthMaterial, type Credentials, impersonationHeaders } from './credentials.js';

// Exec credential plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin…), run as client-go
// runs them: the command with its args and env, KUBERNETES_EXEC_INFO describing the request, an
// ExecCredential read from stdout. Done here rather than through @kubernetes/client-node, whose
// import alone costs 300–500 ms of `kmon status`'s two-second budget, and which does not send
// KUBERNETES_EXEC_INFO.

const execSchema = z.looseObject({
  apiVersion: z.optional(z.string()),
  command: z.string(),
  args: z.optional(z.array(z.string())),
  env: z.nullish(z.array(z.object({ name: z.string(), value: z.string() }))),
  installHint: z.optional(z.string()),
  provideClusterInfo: z.optional(z.boolean()),
});

const credentialSchema = z.looseObject({
  status: z.looseObject({
    token: z.optional(z.string()),
    clientCertificateData: z.optional(z.string()),
    clientKeyData: z.optional(z.string()),
    expirationTimestamp: z.optional(z.string()),
  }),
});

type ExecConfig = z.infer<typeof execSchema>;

// A credential that says nothing of its expiry is asked for again this often; without a limit a
// poll of thousands of kubelet reads would spawn thousands of processes.
const REUSE_MS = 30_000;
// A credential is renewed this long before it expires, so no request goes out with one about to lapse.
const EXPIRY_MARGIN_MS = 10_000;
// A plugin that neither answers nor fails (waiting for a browser login that never comes) is given up.
const PLUGIN_TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 1024 * 1024;

function failure(target: KubeTarget, reason: string): KubeError {
  const line = safeText(reason.trim().split('\n')[0] ?? '').slice(0, 200);
  return new KubeError('unauthorized', `credential plugin for user "${target.userName}" failed: ${line}`);
}

/** The cluster's `client.authentication.k8s.io/exec` extension, which client-go passes on as config. */
function execExtension(extensions: unknown): unknown {
  if (!Array.isArray(extensions)) return undefined;
  const entry = extensions.find((e): e is { name: string; extension?: unknown } => e?.name === 'client.authentication.k8s.io/exec');
  return entry?.extension;
}

/** What client-go tells a plugin about the request (KUBERNETES_EXEC_INFO). */
function execInfo(exec: ExecConfig, target: KubeTarget): string {
  const { cluster } = target;
  const clusterInfo = exec.provideClusterInfo
    ? {
        server: target.server,
        'certificate-authority-data': cluster['certificate-authority-data'],
        'tls-server-name': cluster['tls-server-name'],
        'insecure-skip-tls-verify': cluster['insecure-skip-tls-verify'],
        config: execExtension(cluster.extensions),
      }
    : undefined;
  const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1';
  return JSON.stringify({
    apiVersion,
    kind: 'ExecCredential',
    spec: { interactive: false, ...(clusterInfo ? { cluster: clusterInfo } : {}) },
  });
}

async function run(exec: ExecConfig, target: KubeTarget): Promise<string> {
  const { spawn } = await lazyImport<typeof import('node:child_process')>('node:child_process');
  const env: NodeJS.ProcessEnv = { ...process.env, KUBERNETES_EXEC_INFO: execInfo(exec, target) };
  for (const { name, value } of exec.env ?? []) env[name] = value;
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      // stdin is the live screen's keyboard: a plugin must never read it.
      child = spawn(exec.command, exec.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: PLUGIN_TIMEOUT_MS });
    } catch (e) {
      reject(failure(target, (e as Error).message));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT) out.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e: NodeJS.ErrnoException) => {
      const hint = e.code === 'ENOENT' && exec.installHint ? ` (${exec.installHint})` : '';
      reject(failure(target, `${exec.command}: ${e.code === 'ENOENT' ? 'not found' : e.message}${hint}`));
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(failure(target, Buffer.concat(err).toString('utf8') || `${exec.command} exited with ${code ?? signal}`));
    });
  });
}

function material(output: string, target: KubeTarget): { material: AuthMaterial; expiresAt: number | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    throw failure(target, 'its output is not an ExecCredential (not JSON)');
  }
  const result = credentialSchema.safeParse(parsed);
  if (!result.success) throw failure(target, 'its output is not an ExecCredential (no status)');
  const { token, clientCertificateData: cert, clientKeyData: key, expirationTimestamp } = result.data.status;
  if (!token && !(cert && key)) throw failure(target, 'its ExecCredential holds neither a token nor a client certificate and key');
  const headers: Record<string, string | readonly string[]> = impersonationHeaders(target.user);
  if (token) headers.Authorization = `Bearer ${token}`;
  const expiry = expirationTimestamp ? Date.parse(expirationTimestamp) : Number.NaN;
  const auth: AuthMaterial = cert && key ? { headers, cert: Buffer.from(cert), key: Buffer.from(key) } : { headers };
  return { material: auth, expiresAt: Number.isNaN(expiry) ? null : expiry };
}

/** Credentials from the user's exec plugin, reused until they expire (or for a while, if they say nothing). */
export function execCredentials(target: KubeTarget, now: () => number = Date.now): Credentials {
  const parsed = execSchema.safeParse(target.user.exec);
  if (!parsed.success) throw failure(target, 'the exec entry has no command');
  const exec = parsed.data;
  let cached: { material: AuthMaterial; validUntil: number } | null = null;
  // Requests that need credentials at the same moment share one plugin run.
  let pending: Promise<AuthMaterial> | null = null;
  // Bumped by refresh(): a run begun before it must not put the old credential back in the cache.
  let epoch = 0;

  const load = async (from: number): Promise<AuthMaterial> => {
    const { material: auth, expiresAt } = material(await run(exec, target), target);
    const validUntil = expiresAt === null ? now() + REUSE_MS : expiresAt - EXPIRY_MARGIN_MS;
    if (from === epoch) cached = { material: auth, validUntil };
    return auth;
  };

  return {
    current(): Promise<AuthMaterial> {
      if (cached && now() < cached.validUntil) return Promise.resolve(cached.material);
      if (!pending) {
        pending = load(epoch).finally(() => {
          pending = null;
        });
      }
      return pending;
    },
    async refresh(): Promise<void> {
      epoch++;
      cached = null;
      pending = null;
    },
  };
}
