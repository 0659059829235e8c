import { createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import type { KubeletSettings } from '../collect/collector.js';
import { type Connection, connect } from '../kube/connect.js';
import type { KubeTarget } from '../kube/kubeconfig/kube-target.js';
import { KubeconfigError } from '../kube/kubeconfig/kubeconfig-error.js';
import { resolveTarget } from '../kube/kubeconfig/resolve-target.js';
import type { PodMetricsDecoder } from '../kube/pod-metrics-list.js';
import type { RequestLog } from '../kube/request-log.js';
import { diskFigure } from '../model/disk.js';
import { levelOf, type Thresholds } from '../model/thresholds.js';
import type { CLUSTER_FLAGS, FlagValues } from './flag-table.js';
import { UsageError } from './usage-error.js';

/** Cluster flags as read from the command line (flag-table.ts). */
export type ClusterFlags = FlagValues<typeof CLUSTER_FLAGS>;

export function targetFor(flags: ClusterFlags, env: NodeJS.ProcessEnv = process.env): KubeTarget {
  try {
    return resolveTarget({ kubeconfig: flags.kubeconfig, context: flags.context, env, homeDir: homedir() });
  } catch (e) {
    if (e instanceof KubeconfigError) throw new UsageError(e.message);
    throw e;
  }
}

function requestLog(file: string): RequestLog {
  const out = createWriteStream(file, { flags: 'a' });
  out.on('error', () => {});
  return (r) => {
    const outcome = r.error ? `error="${r.error}"` : `${r.bytes}B`;
    out.write(`${new Date().toISOString()} ${r.method} ${r.path} ${r.status ?? '-'} ${Math.round(r.durationMs)}ms ${outcome}\n`);
  };
}

/** A connection for the flags; pod metrics decoded by `podMetrics` where given (else on this thread). */
export function openConnection(target: KubeTarget, flags: ClusterFlags, podMetrics?: PodMetricsDecoder): Connection {
  try {
    return connect(
      target,
      { requestMs: flags.requestTimeout, kubeletMs: flags.kubeletTimeout },
      flags.log ? requestLog(flags.log) : undefined,
      { qps: flags.apiQps, burst: flags.apiBurst },
      podMetrics,
    );
  } catch (e) {
    if (e instanceof KubeconfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** null with --no-kubelet. Nodes whose disk is at or over the warning level are re-read first. */
export function kubeletSettings(flags: ClusterFlags, thresholds: Thresholds): KubeletSettings | null {
  if (!flags.kubelet) return null;
  return {
    qps: flags.kubeletQps,
    burst: flags.kubeletBurst,
    concurrency: flags.kubeletConcurrency,
    urgent: (summary) => levelOf(diskFigure(summary.fs)?.percent ?? null, thresholds.disk) !== 'ok',
  };
}

/** The namespace to show: -A wins, then -n, then `fallback` (the context's, or all for the live view). */
export function namespaceFor(flags: ClusterFlags, fallback: string | null): string | null {
  if (flags.allNamespaces) return null;
  return flags.namespace ?? fallback;
}
