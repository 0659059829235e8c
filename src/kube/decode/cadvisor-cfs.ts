import { safeText } from '../../model/safe-text.js';
import type { CfsCounter, CfsReading, PodCfs } from '../../model/throttling.js';
import type { PromSample } from '../prom-text-reader.js';
import { intern } from './intern.js';

// The CFS counters of a kubelet's /metrics/cadvisor, per pod cgroup and per container. The same
// metric also has rows for the machine (id="/"), the QoS slices and each pod's pause sandbox
// (container="" with the pause image); only a pod's own cgroup (container="", no image, no name)
// and its real containers count.

export const CFS_FAMILIES = ['container_cpu_cfs_periods_total', 'container_cpu_cfs_throttled_periods_total'] as const;

interface Partial {
  periods: number | null;
  throttled: number | null;
  time: number | null;
}

interface PodRows {
  readonly namespace: string;
  readonly name: string;
  pod: Partial | null;
  readonly containers: Map<string, Partial>;
}

function row(rows: PodRows, container: string): Partial {
  if (!container) {
    rows.pod ??= { periods: null, throttled: null, time: null };
    return rows.pod;
  }
  let found = rows.containers.get(container);
  if (!found) {
    found = { periods: null, throttled: null, time: null };
    rows.containers.set(container, found);
  }
  return found;
}

function counter(p: Partial | null): CfsCounter | null {
  if (!p || p.periods === null || p.throttled === null) return null;
  return { periods: p.periods, throttled: p.throttled, time: p.time };
}

export class CfsCollector {
  private readonly pods = new Map<string, PodRows>();

  add = (sample: PromSample): void => {
    const { container = '', pod = '', namespace = '', image = '', name = '' } = sample.labels;
    if (!pod || !namespace || !Number.isFinite(sample.value) || sample.value < 0) return;
    // The sandbox: the pause container, named by its ID (Docker-era kubelets label it "POD").
    if (container === 'POD' || (!container && (image || name))) return;
    const key = `${namespace}/${pod}`;
    let rows = this.pods.get(key);
    if (!rows) {
      rows = { namespace: intern(safeText(namespace)), name: safeText(pod), pod: null, containers: new Map() };
      this.pods.set(key, rows);
    }
    const target = row(rows, safeText(container));
    // A restarted container may linger beside its successor for a moment: the newer sample wins.
    if (target.time !== null && sample.timestampMs !== null && sample.timestampMs < target.time) return;
    if (sample.name === 'container_cpu_cfs_periods_total') target.periods = sample.value;
    else target.throttled = sample.value;
    target.time = sample.timestampMs ?? target.time;
  };

  result(): CfsReading {
    const pods: PodCfs[] = [];
    for (const rows of this.pods.values()) {
      const containers = new Map<string, CfsCounter>();
      for (const [name, p] of rows.containers) {
        const c = counter(p);
        if (c) containers.set(name, c);
      }
      pods.push({ namespace: rows.namespace, name: rows.name, pod: counter(rows.pod), containers });
    }
    return { pods };
  }
}
