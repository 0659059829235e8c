// A small cluster as the live screen sees it: three nodes (one with a full disk, one hot on CPU)
// and pods whose memory climbs with their index, plus a source that can push new snapshots.

import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import type { SnapshotSource } from '../../src/ui/hooks/use-snapshot.js';
import { container, GiB, MiB, nodeInfo, nodeSummary, podInfo, podUsage, snapshot } from '../helpers/records.js';

// The screen compares data times with the wall clock (age, staleness), so the fixture is taken now.
export const NOW = Date.now();

/** Node names as EKS gives them, long enough to crowd an 80-column terminal. */
export const LONG_NAMES = [
  'ip-10-0-12-34.eu-west-1.compute.internal',
  'ip-10-0-12-35.eu-west-1.compute.internal',
  'ip-10-0-12-36.eu-west-1.compute.internal',
];

export function clusterSnapshot(seq = 1, memoryBoost = 0, names = ['node-a', 'node-b', 'node-c']): Snapshot {
  const nodes = names.map((name) => nodeInfo(name, { createdAt: NOW - 86_400_000, labels: { 'node-role.kubernetes.io/worker': '' } }));
  const pods = Array.from({ length: 12 }, (_, i) =>
    podInfo(`app-${String(i).padStart(2, '0')}`, {
      namespace: i % 2 ? 'web' : 'batch',
      nodeName: nodes[i % 3]?.name ?? null,
      createdAt: NOW - 3_600_000,
      containers: [
        container('main', { limits: { cpuMilli: 1000, memoryBytes: 1024 * MiB }, requests: { cpuMilli: 500, memoryBytes: 512 * MiB } }),
      ],
    }),
  );
  return snapshot({
    seq,
    takenAt: NOW,
    inventoryAt: NOW,
    metricsAt: NOW,
    nodes,
    pods,
    nodeUsage: new Map(
      nodes.map((n, i) => [
        n.name,
        { name: n.name, cpuMilli: [3800, 500, 1000][i] ?? 0, memoryBytes: ([2, 3, 7][i] ?? 0) * GiB, timestamp: seq },
      ]),
    ),
    podUsage: PodUsageIndex.of(pods.map((p, i) => podUsage(p.namespace, p.name, 50 + i * 10, (100 + i * 60 + memoryBoost) * MiB, seq))),
    // Free space 60, 7 and 15 GiB of 100: disk at 40%, 93% and 85%.
    summaries: new Map(
      nodes.map((n, i) => {
        const fs = { capacityBytes: 100 * GiB, availableBytes: ([60, 7, 15][i] ?? 0) * GiB, usedBytes: ([38, 90, 80][i] ?? 0) * GiB };
        return [n.name, { fetchedAt: NOW, summary: nodeSummary(n.name, { fs }) }];
      }),
    ),
  });
}

export class PushSource implements SnapshotSource {
  private readonly listeners = new Set<(s: Snapshot) => void>();
  constructor(private current: Snapshot) {}
  push(next: Snapshot): void {
    this.current = next;
    for (const l of this.listeners) l(next);
  }
  latest(): Snapshot {
    return this.current;
  }
  subscribe(listener: (s: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
