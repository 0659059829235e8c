import type { CumulativeContainer, CumulativeSample, CumulativeUsage } from '../../model/cumulative-usage.js';
import { safeText } from '../../model/safe-text.js';
import type { PromSample } from '../prom-text-reader.js';
import { intern } from './intern.js';

// The kubelet's /metrics/resource (what metrics-server itself reads): cumulative CPU in
// core-seconds and working sets, for the node and each container, stamped with the kubelet's
// sample times in milliseconds. A few KB a node, against about 100 KB for a summary.

export const RESOURCE_FAMILIES = [
  'node_cpu_usage_seconds_total',
  'node_memory_working_set_bytes',
  'container_cpu_usage_seconds_total',
  'container_memory_working_set_bytes',
] as const;

interface Slot {
  cpuSeconds: number | null;
  memoryBytes: number | null;
  time: number | null;
}

const empty = (): Slot => ({ cpuSeconds: null, memoryBytes: null, time: null });

function put(slot: Slot, sample: PromSample): void {
  if (!Number.isFinite(sample.value) || sample.value < 0) return;
  if (sample.name.endsWith('_cpu_usage_seconds_total')) slot.cpuSeconds = sample.value;
  else slot.memoryBytes = sample.value;
  slot.time = Math.max(slot.time ?? 0, sample.timestampMs ?? 0) || null;
}

export class ResourceCollector {
  private readonly node: Slot = empty();
  private readonly pods = new Map<string, { namespace: string; name: string; containers: Map<string, Slot> }>();

  constructor(private readonly nodeName: string) {}

  add = (sample: PromSample): void => {
    if (sample.name.startsWith('node_')) {
      put(this.node, sample);
      return;
    }
    const { container = '', pod = '', namespace = '' } = sample.labels;
    if (!container || !pod || !namespace) return;
    const key = `${namespace}/${pod}`;
    let entry = this.pods.get(key);
    if (!entry) {
      entry = { namespace: intern(safeText(namespace)), name: safeText(pod), containers: new Map() };
      this.pods.set(key, entry);
    }
    const name = safeText(container);
    let slot = entry.containers.get(name);
    if (!slot) {
      slot = empty();
      entry.containers.set(name, slot);
    }
    put(slot, sample);
  };

  result(): CumulativeUsage {
    const node: CumulativeSample | null = this.node.cpuSeconds === null && this.node.memoryBytes === null ? null : { ...this.node };
    return {
      nodeName: this.nodeName,
      node,
      pods: [...this.pods.values()].map((p) => ({
        namespace: p.namespace,
        name: p.name,
        containers: [...p.containers].map(([name, slot]): CumulativeContainer => ({ name, ...slot })),
      })),
    };
  }
}
