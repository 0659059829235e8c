// A cluster shaped like the demo a new user first sees: eight hello-kube nodes (one under
// DiskPressure, one NotReady, one running ten pods), replicas whose names share a long prefix and
// differ only in their generated suffix, a pod in CrashLoopBackOff, and namespaces of different sizes.

import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { ContainerInfo, PodInfo } from '../../src/model/records.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { condition, container, GiB, MiB, nodeInfo, nodeSummary, podInfo, podUsage, snapshot } from '../helpers/records.js';
import { NOW } from './ui-fixture.js';

export const NODE_NAMES = Array.from({ length: 8 }, (_, i) => `hello-kube-00${i + 1}`);
export const REPLICA_SUFFIXES = ['qb7sk', 'fmwpc', '2t2fs', '28mgk', 'rgqvj', 'pxrz6'];
export const CRASHING = 'report-generator-hp9bz46bk-7lf8t';
/** The node running ten pods. */
export const BUSY_NODE = 'hello-kube-004';

const limited = (cpuMilli: number, memoryBytes: number): Partial<ContainerInfo> => ({
  requests: { cpuMilli: cpuMilli / 2, memoryBytes: memoryBytes / 2 },
  limits: { cpuMilli, memoryBytes },
});

interface PodSpec {
  readonly namespace: string;
  readonly name: string;
  readonly node: number;
  readonly cpu: number;
  readonly memoryMi: number;
  readonly container?: Partial<ContainerInfo>;
}

function podSpecs(): PodSpec[] {
  const specs: PodSpec[] = REPLICA_SUFFIXES.map((suffix, i) => ({
    namespace: 'payments',
    name: `payments-api-glfw2fmrgl-${suffix}`,
    node: i % 8,
    cpu: 500 - i * 40,
    memoryMi: 580 + i,
    container: limited(1000, 1024 * MiB),
  }));
  for (let i = 0; i < 8; i++) {
    specs.push({ namespace: 'kube-system', name: `kube-proxy-${'abcdefgh'[i]}x6rz`, node: i, cpu: 3 + i, memoryMi: 20 + i });
  }
  for (const [i, suffix] of ['5db9v', 'lxd5x', 'tmdgl', 'cpv2x', 'tv7p2'].entries()) {
    specs.push({ namespace: 'batch', name: `image-resizer-fhwvz4qrm-${suffix}`, node: 3, cpu: 300 + i * 50, memoryMi: 120 + i * 4 });
  }
  specs.push(
    { namespace: 'kube-system', name: 'metrics-server-2b748qk4q-rht78', node: 3, cpu: 34, memoryMi: 33 },
    { namespace: 'monitoring', name: 'node-exporter-qkqvl', node: 3, cpu: 14, memoryMi: 22 },
    { namespace: 'web', name: 'web-api-smzskc58zc-jzshs', node: 1, cpu: 365, memoryMi: 307, container: limited(1000, 512 * MiB) },
    { namespace: 'web', name: 'web-frontend-pxrtfqvtsh-8wkh4', node: 2, cpu: 2, memoryMi: 41 },
    { namespace: 'web', name: 'web-frontend-pxrtfqvtsh-8wn94', node: 3, cpu: 6, memoryMi: 41 },
    {
      namespace: 'batch',
      name: CRASHING,
      node: 2,
      cpu: 1,
      memoryMi: 12,
      container: { restarts: 17, ready: false, state: 'waiting', stateReason: 'CrashLoopBackOff' },
    },
  );
  return specs;
}

/** The busy cluster, `seq` polls in; `tweak` adjusts each pod's CPU by its index (for re-sorting). */
export function busySnapshot(seq = 1, tweak: (index: number) => number = () => 0): Snapshot {
  const nodes = NODE_NAMES.map((name, i) =>
    nodeInfo(name, {
      createdAt: NOW - 27 * 86_400_000,
      conditions: [
        condition('MemoryPressure', 'False', 'kubelet has sufficient memory available'),
        condition('DiskPressure', i === 1 ? 'True' : 'False', i === 1 ? 'kubelet has disk pressure' : 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'kubelet has sufficient PID available'),
        condition('Ready', i === 5 ? 'False' : 'True', i === 5 ? 'kubelet stopped posting node status' : 'kubelet is posting ready status'),
      ],
    }),
  );
  const specs = podSpecs();
  const pods: PodInfo[] = specs.map((s) =>
    podInfo(s.name, {
      namespace: s.namespace,
      nodeName: NODE_NAMES[s.node] ?? null,
      createdAt: NOW - 3_600_000,
      containers: [container('main', s.container ?? {})],
    }),
  );
  const taken = snapshot({
    seq,
    takenAt: NOW,
    inventoryAt: NOW,
    metricsAt: NOW,
    nodes,
    pods,
    nodeUsage: new Map(
      nodes.map((n, i) => [n.name, { name: n.name, cpuMilli: 300 + i * 150, memoryBytes: (1 + i) * GiB, timestamp: seq }]),
    ),
    podUsage: PodUsageIndex.of(specs.map((s, i) => podUsage(s.namespace, s.name, s.cpu + tweak(i), s.memoryMi * MiB, seq))),
    summaries: new Map(
      nodes.map((n, i) => {
        const free = i === 1 ? 9 : 50 - i;
        const fs = { capacityBytes: 100 * GiB, availableBytes: free * GiB, usedBytes: (100 - free) * GiB };
        return [n.name, { fetchedAt: NOW, summary: nodeSummary(n.name, { fs }) }];
      }),
    ),
  });
  recordHistory(taken);
  return taken;
}

/** Eight samples of history per node and pod, so charts and sparklines have lines to draw. */
function recordHistory(taken: Snapshot): void {
  const { history, seq } = taken;
  for (let t = 1; t <= 8; t++) {
    for (const n of taken.nodes) {
      const usage = taken.nodeUsage.get(n.name);
      history.nodeUsage.record(n.uid, t, seq, [(usage?.cpuMilli ?? 0) * (0.9 + t / 80), usage?.memoryBytes ?? 0]);
      history.nodeDisk.record(n.uid, t, seq, [40 + t]);
    }
    for (const p of taken.pods) {
      const usage = taken.podUsage.get(p.namespace, p.name);
      history.podUsage.record(p.uid, t, seq, [(usage?.cpuMilli ?? 0) * (0.9 + t / 80), usage?.memoryBytes ?? 0]);
    }
  }
}
