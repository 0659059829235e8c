import { createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import type { KubeletSettings } from '../collect/collector.js';
import { type Connection, connect } from '../kube/connect.js';
import type { KubeTarget } from '../kube/kubeconfig/kube-target.js';
import { KubeconfigError } from '../kube/kubeconfig/kubeconfig-error.js';
import { resolveTarget } from '../kube/kubeconfig/resolve-target.js';
import { type FleetTarget, kubeconfigContexts, resolveTargets } from '../kube/kubeconfig/resolve-targets.js';
import type { PodMetricsDecoder } from '../kube/pod-metrics-list.js';
import type { RequestLog } from '../kube/request-log.js';
import { diskFigure } from '../model/disk.js';
import { levelOf, type Thresholds } from '../model/thresholds.js';
import type { CLUSTER_FLAGS, FlagValues } from './flag-table.js';
import { UsageError } from './usage-error.js';

/** Cluster flags as read from the command line (flag-table.ts). */
export type ClusterFlags = FlagValues<typeof CLUSTER_FLAGS>;

function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof KubeconfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** The one cluster of a face that reads one (kmon top), or of a run given a single context. */
export function targetFor(flags: ClusterFlags, env: NodeJS.ProcessEnv = process.env): KubeTarget {
  const named = flags.context ?? [];
  if (named.length > 1 || flags.allContexts)
    throw new UsageError('this command reads one cluster: give --context once (the live screen, status and check take several)');
  return asUsage(() => resolveTarget({ kubeconfig: flags.kubeconfig, context: named[0], env, homeDir: homedir() }));
}

/**
 * The clusters of a fleet: --context given more than once, or --all-contexts. null for a run about
 * one cluster, which keeps its own ways (and output) unchanged.
 */
export function fleetTargets(flags: ClusterFlags, env: NodeJS.ProcessEnv = process.env): FleetTarget[] | null {
  const named = flags.context ?? [];
  if (!flags.allContexts && named.length <= 1) return null;
  if (flags.allContexts && named.length) throw new UsageError('--all-contexts already takes every context: leave out --context');
  const contexts = flags.allContexts ? 'all' : named;
  return asUsage(() => resolveTargets({ kubeconfig: flags.kubeconfig, contexts, env, homeDir: homedir() }));
}

/** Every context of the kubeconfig, for the live screen's context picker. */
export function contextNames(flags: ClusterFlags, env: NodeJS.ProcessEnv = process.env): string[] {
  return asUsage(() => kubeconfigContexts({ kubeconfig: flags.kubeconfig, env, homeDir: homedir() }));
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
  return asUsage(() =>
    connect(
      target,
      { requestMs: flags.requestTimeout, kubeletMs: flags.kubeletTimeout },
      flags.log ? requestLog(flags.log) : undefined,
      { qps: flags.apiQps, burst: flags.apiBurst },
      podMetrics,
    ),
  );
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

/**
 * The namespace to show: -A wins, then -n, then `fallback` (the context's, or all for the live
 * view). `-n ''` names no namespace, as with kubectl, so it is the fallback too.
 */
export function namespaceFor(flags: ClusterFlags, fallback: string | null): string | null {
  if (flags.allNamespaces) return null;
  return flags.namespace || fallback;
}
