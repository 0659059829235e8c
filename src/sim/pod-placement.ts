import { BATCH_HOG, CRASHING, CRON, FILLERS, LEAKY } from './app-workloads.js';
import type { Rng } from './hash.js';
import { CONTROL_PLANE, DAEMON_SETS, SPREAD_FIRST } from './system-workloads.js';
import type { Workload } from './workload.js';

export type Behaviour = 'steady' | 'leak' | 'crash' | 'cron';

export interface Placement {
  readonly workload: Workload;
  readonly behaviour: Behaviour;
}

/** The nodes that play a part; the scenario pods start their search for a free slot there. */
export function scenarioNodes(count: number): {
  fullDisk: number;
  fillingDisk: number;
  hot: number;
  flappingCpu: number;
  flapping: number;
} {
  return { fullDisk: 1 % count, fillingDisk: 2 % count, hot: 3 % count, flappingCpu: 4 % count, flapping: (count - 1) % count };
}

/**
 * Fills every node's podsPerNode slots, in this order: DaemonSets, the control plane (first node),
 * the scenario pods, the usual singletons spread over the nodes, then weighted fillers.
 */
export function placePods(nodes: number, podsPerNode: number, rng: Rng): Placement[] {
  const slots: (Placement | null)[] = new Array(nodes * podsPerNode).fill(null);
  const freeSlot = (node: number): number => {
    for (let p = 0; p < podsPerNode; p++) if (slots[node * podsPerNode + p] === null) return node * podsPerNode + p;
    return -1;
  };
  const put = (node: number, placement: Placement): void => {
    for (let n = 0; n < nodes; n++) {
      const slot = freeSlot((node + n) % nodes);
      if (slot >= 0) {
        slots[slot] = placement;
        return;
      }
    }
  };
  for (let node = 0; node < nodes; node++) {
    const own = node === 0 ? [...DAEMON_SETS, ...CONTROL_PLANE] : DAEMON_SETS;
    own.slice(0, podsPerNode).forEach((workload, p) => {
      slots[node * podsPerNode + p] = { workload, behaviour: 'steady' };
    });
  }
  put(1 % nodes, { workload: LEAKY, behaviour: 'leak' });
  put(2 % nodes, { workload: CRASHING, behaviour: 'crash' });
  put(3 % nodes, { workload: CRON, behaviour: 'cron' });
  let next = 1;
  for (const workload of SPREAD_FIRST) {
    for (let r = 0; r < (workload.maxReplicas ?? 1); r++) put(next++ % nodes, { workload, behaviour: 'steady' });
  }
  const totalWeight = FILLERS.reduce((sum, w) => sum + w.weight, 0);
  const hot = nodes > 3 ? scenarioNodes(nodes).hot : -1;
  // The hot node is where the batch image resizers landed: CPU-hungry, no requests or limits.
  return slots.map(
    (placed, slot) =>
      placed ?? {
        workload: Math.floor(slot / podsPerNode) === hot ? BATCH_HOG : pickFiller(rng.next() * totalWeight),
        behaviour: 'steady',
      },
  );
}

function pickFiller(point: number): Workload {
  let rest = point;
  for (const workload of FILLERS) {
    rest -= workload.weight;
    if (rest < 0) return workload;
  }
  const last = FILLERS[FILLERS.length - 1];
  if (!last) throw new Error('no filler workloads');
  return last;
}
