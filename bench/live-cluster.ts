// One cluster opened as the live face opens it (src/cli/run-live.ts): its own connection, pod
// metrics read on a worker once the lists are long, and the live collector with the face's kubelet
// budget. The benchmarks share it so they measure what users run.
import { liveCollector } from '../src/collect/live-collector.js';
import { connect } from '../src/kube/connect.js';
import type { KubeTarget } from '../src/kube/kubeconfig/kube-target.js';
import { SizedPodMetrics } from '../src/kube/pod-metrics-choice.js';
import { WorkerPodMetrics } from '../src/kube/pod-metrics-thread.js';
import type { RequestLog } from '../src/kube/request-log.js';

interface LiveClusterOptions {
  readonly intervalMs: number;
  /** A big cluster's first list takes longer than the face's default 10 s would allow on a busy VM. */
  readonly requestMs?: number;
  readonly log?: RequestLog;
  /** The context the collector names (a fleet's, which may differ from the kubeconfig's current). */
  readonly context?: string;
}

export function openLiveCluster(target: KubeTarget, options: LiveClusterOptions) {
  const timeouts = { requestMs: options.requestMs ?? 10_000, kubeletMs: 4_000 };
  const connection = connect(target, timeouts, options.log, undefined, new SizedPodMetrics(new WorkerPodMetrics(target.server)));
  const collector = liveCollector({
    reader: connection.client,
    scope: { context: options.context ?? target.context, cluster: target.clusterName, server: target.server, namespace: null },
    intervalMs: options.intervalMs,
    kubelet: { qps: 20, burst: 100, concurrency: 8 },
  });
  return { connection, collector };
}
