import type { KubeConfig } from '@kubernetes/client-node';
import { safeText } from '../../model/safe-text.js';
import { KubeError } from '../kube-error.js';
import type { KubeTarget } from '../kubeconfig/kube-target.js';
import { lazyImport } from '../lazy-import.js';
import type { AuthMaterial, Credentials } from './credentials.js';

// Auth providers (OIDC, and the old azure and gcp ones) through client-node, which knows them. A
// refreshed credential is asked for at most this often, so a poll of thousands of kubelet reads
// does not refresh thousands of times.
const REUSE_MS = 30_000;

async function loadClientConfig(target: KubeTarget): Promise<KubeConfig> {
  // Loaded only for exec and auth-provider users: the library costs ~350 ms to import.
  const { KubeConfig } = await lazyImport<typeof import('@kubernetes/client-node')>('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromString(
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: target.clusterName, cluster: target.cluster }],
      users: [{ name: target.userName, user: target.user }],
      contexts: [{ name: target.context, context: { cluster: target.clusterName, user: target.userName } }],
      'current-context': target.context,
    }),
  );
  return kc;
}

function toMaterial(opts: { headers?: unknown; cert?: unknown; key?: unknown }): AuthMaterial {
  const headers: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries((opts.headers ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' || Array.isArray(value)) headers[name] = value as string | string[];
  }
  const asBuffer = (v: unknown) => (typeof v === 'string' || Buffer.isBuffer(v) ? Buffer.from(v) : undefined);
  const cert = asBuffer(opts.cert);
  const key = asBuffer(opts.key);
  return cert && key ? { headers, cert, key } : { headers };
}

/** OIDC and other auth providers, through @kubernetes/client-node. */
export function pluginCredentials(target: KubeTarget, now: () => number = Date.now): Credentials {
  let config: Promise<KubeConfig> | null = null;
  let cached: { material: AuthMaterial; at: number } | null = null;
  // Bumped by refresh(): a load begun before it must not put the old credential back in the cache.
  let epoch = 0;
  // Requests that need credentials at the same moment share one plugin run.
  let pending: { epoch: number; material: Promise<AuthMaterial> } | null = null;

  async function load(from: number): Promise<AuthMaterial> {
    config ??= loadClientConfig(target);
    const opts: { headers?: unknown; cert?: unknown; key?: unknown } = {};
    try {
      await (await config).applyToHTTPSOptions(opts);
    } catch (e) {
      config = null;
      const reason = safeText(
        String((e as Error).message)
          .trim()
          .split('\n')[0] ?? '',
      );
      throw new KubeError('unauthorized', `credential plugin for user "${target.userName}" failed: ${reason}`);
    }
    const material = toMaterial(opts);
    if (from === epoch) cached = { material, at: now() };
    return material;
  }

  return {
    current(): Promise<AuthMaterial> {
      if (cached && now() - cached.at < REUSE_MS) return Promise.resolve(cached.material);
      if (pending?.epoch !== epoch) {
        const run = { epoch, material: load(epoch) };
        pending = run;
        const done = () => {
          if (pending === run) pending = null;
        };
        run.material.then(done, done);
      }
      return pending.material;
    },
    async refresh(): Promise<void> {
      // A fresh KubeConfig has fresh authenticators, so no cached exec credential survives.
      epoch++;
      config = null;
      cached = null;
    },
  };
}
