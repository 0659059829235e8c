// A small cluster as the live screen sees it: three nodes (one with a full disk, one hot on CPU)
// and pods whose memory climbs with their index, plus a source that can push new snapshots.
import type { Snapshot } from '../../src/model/snapshot.js';
import type { SnapshotSource } from '../../src/ui/hooks/use-snapshot.js';
import { container, GiB, MiB, nodeInfo, nodeSummary, podInfo, podUsage, snapshot } from '../helpers/records.js';

// The screen compares data times with the wall clock (age, staleness), so the fixture is taken now.
export const NOW = Date.now();

export function clusterSnapshot(seq = 1, memoryBoost = 0): Snapshot {
  const nodes = ['node-a', 'node-b', 'node-c'].map((name) => nodeInfo(name, { createdAt: NOW - 86_400_000 }));
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
    nodeUsage: new Map([
      ['node-a', { name: 'node-a', cpuMilli: 3800, memoryBytes: 2 * GiB, timestamp: seq }],
      ['node-b', { name: 'node-b', cpuMilli: 500, memoryBytes: 3 * GiB, timestamp: seq }],
      ['node-c', { name: 'node-c', cpuMilli: 1000, memoryBytes: 7 * GiB, timestamp: seq }],
    ]),
    podUsage: new Map(
      pods.map((p, i) => [`${p.namespace}/${p.name}`, podUsage(p.namespace, p.name, 50 + i * 10, (100 + i * 60 + memoryBoost) * MiB, seq)]),
    ),
    summaries: new Map([
      [
        'node-a',
        {
          fetchedAt: NOW,
          summary: nodeSummary('node-a', { fs: { capacityBytes: 100 * GiB, availableBytes: 60 * GiB, usedBytes: 38 * GiB } }),
        },
      ],
      [
        'node-b',
        {
          fetchedAt: NOW,
          summary: nodeSummary('node-b', { fs: { capacityBytes: 100 * GiB, availableBytes: 7 * GiB, usedBytes: 90 * GiB } }),
        },
      ],
      [
        'node-c',
        {
          fetchedAt: NOW,
          summary: nodeSummary('node-c', { fs: { capacityBytes: 100 * GiB, availableBytes: 15 * GiB, usedBytes: 80 * GiB } }),
        },
      ],
    ]),
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
