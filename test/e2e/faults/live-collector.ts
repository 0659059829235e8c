// The live screen's data path without the screen: a Collector with a WatchInventory, talking to the
// simulated cluster through the real kube layer, as src/cli/run-live.ts wires it.

import { vi } from 'vitest';
import { Collector } from '../../../src/collect/collector.js';
import { ListInventory } from '../../../src/collect/list-inventory.js';
import { liveCollector } from '../../../src/collect/live-collector.js';
import { connect } from '../../../src/kube/connect.js';
import { resolveTarget } from '../../../src/kube/kubeconfig/resolve-target.js';
import type { RequestRecord } from '../../../src/kube/request-log.js';
import type { Problem } from '../../../src/model/problems.js';
import type { Snapshot } from '../../../src/model/snapshot.js';

export interface LiveOptions {
  readonly kubeconfig: string;
  readonly intervalMs?: number;
  readonly kubeletTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Re-list every poll (the one-shot faces' inventory) instead of watching. */
  readonly lists?: boolean;
}

export interface Live {
  readonly collector: Collector;
  /** Every request the kube layer made, as --log would write it, with when it ended. */
  readonly requests: (RequestRecord & { readonly at: number })[];
  latest(): Snapshot;
  /** Snapshots emitted so far. */
  count(): number;
  stop(): void;
}

export function startLive(options: LiveOptions): Live {
  const target = resolveTarget({ kubeconfig: options.kubeconfig, env: {}, homeDir: '/nonexistent' });
  const requests: Live['requests'] = [];
  const connection = connect(
    target,
    { requestMs: options.requestTimeoutMs ?? 3_000, kubeletMs: options.kubeletTimeoutMs ?? 2_000 },
    (record) => requests.push({ ...record, at: Date.now() }),
  );
  const reader = connection.client;
  const settings = {
    reader,
    scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace: null },
    intervalMs: options.intervalMs ?? 300,
    // Every node's disk re-read each poll, so a kubelet fault shows up within a poll or two.
    kubelet: { concurrency: 4, qps: 100, burst: 100, diskRefreshMs: options.intervalMs ?? 300 },
  };
  const collector = options.lists
    ? new Collector({ ...settings, inventory: new ListInventory({ reader, namespace: null }) })
    : liveCollector(settings);
  let latest: Snapshot | null = null;
  let count = 0;
  collector.subscribe((snapshot) => {
    latest = snapshot;
    count++;
  });
  collector.start();
  return {
    collector,
    requests,
    latest: () => {
      if (!latest) throw new Error('no snapshot yet');
      return latest;
    },
    count: () => count,
    stop: () => {
      collector.stop();
      connection.close();
    },
  };
}

/** The problem from `source` (and `node`), if the snapshot has one. */
export function problem(snapshot: Snapshot, source: Problem['source'], node?: string): Problem | undefined {
  return snapshot.problems.find((p) => p.source === source && (node === undefined || p.node === node));
}

/** Whether the snapshot has read everything: nodes, pods, CPU/memory from the Metrics API and every node's disk. */
export function healthy(snapshot: Snapshot): boolean {
  return (
    snapshot.problems.length === 0 &&
    snapshot.metricsSource === 'metrics-api' &&
    snapshot.nodes.length > 0 &&
    snapshot.nodes.every((n) => snapshot.summaries.has(n.name))
  );
}

/**
 * vi.waitFor with room to breathe: vitest's default second is too short for a real cluster round
 * trip when the whole suite shares two cores.
 */
export function until<T>(check: () => T | Promise<T>, options: { readonly timeout?: number; readonly interval?: number } = {}): Promise<T> {
  return vi.waitFor(check, { timeout: 15_000, interval: 50, ...options });
}
