import { qosClass } from './container-spec.js';
import { throttledShare } from './kubelet-scenarios.js';
import type { Traffic } from './kubelet-summary.js';
import { hexId } from './names.js';
import type { CpuCounters, NodeSample, PodSample } from './node-sample.js';
import { kubeletUid } from './pod-identity.js';
import { exposition, type Family, type Labels, type Sample } from './prom-text.js';
import { wholeUnits } from './quantity-value.js';
import { machineIds } from './render-node.js';
import type { SimWorld } from './sim-world.js';

// A subset of the kubelet's /metrics/cadvisor: CPU (throttling included), memory, filesystem and network series with
// cAdvisor's label set. Rows are the machine (id="/"), each pod cgroup, each pod's pause sandbox
// and each container, with cgroupfs paths /kubepods/<qos>/pod<uid>/<id> as on the captured node.

const PAUSE = 'registry.k8s.io/pause:3.10.1';

interface Row {
  readonly labels: Labels;
  readonly cpuSeconds: number;
  readonly workingSet: number;
  readonly limit: number;
  /** CFS counters, for cgroups with a CPU limit (a quota). */
  readonly cfs?: Cfs;
}

interface Cfs {
  readonly periods: number;
  readonly throttled: number;
  readonly throttledSeconds: number;
}

// 100 ms periods; a limited container has work in most of them.
const PERIODS_PER_SECOND = 10;
const BUSY_SHARE = 0.9;

/** CFS counters from a start to the sample: periods with work, the share of them throttled. */
function cfs(from: number, at: number, share: number): Cfs {
  const periods = Math.floor((Math.max(0, at - from) / 1000) * PERIODS_PER_SECOND * BUSY_SHARE);
  const throttled = Math.round(periods * share);
  return { periods, throttled, throttledSeconds: throttled * 0.04 };
}

function cgroupLabels(id: string, container = '', image = '', name = '', namespace = '', pod = ''): Labels {
  return [
    ['container', container],
    ['id', id],
    ['image', image],
    ['name', name],
    ['namespace', namespace],
    ['pod', pod],
  ];
}

function podRows(world: SimWorld, counters: CpuCounters & { at: number }, p: PodSample): { rows: Row[]; sandbox: Labels } {
  const qos = qosClass(p.pod.workload.containers);
  const cgroup = `/kubepods/${qos === 'Guaranteed' ? '' : `${qos.toLowerCase()}/`}pod${kubeletUid(world.layout, p.pod, p.life)}`;
  const ns = p.pod.workload.namespace;
  const sandboxId = hexId(64, world.layout.seed, 100, p.pod.slot);
  const sandbox = cgroupLabels(`${cgroup}/${sandboxId}`, '', PAUSE, sandboxId, ns, p.life.name);
  const rows: Row[] = [];
  let podLimit = 0;
  let worstShare = 0;
  const at = counters.at;
  p.containers.forEach((usage, i) => {
    const template = p.pod.workload.containers[i];
    const life = p.life.containers[i];
    if (!usage || !template) return;
    const cid = hexId(64, world.layout.seed, 50, p.pod.slot, i, life?.restarts ?? 0);
    const limit = template.limits?.memory ? wholeUnits(template.limits.memory) : 0;
    const share = throttledShare(world.kubelet, p.pod, i, world.layout.seed);
    const started = life?.state.kind === 'running' ? life.state.startedAt : at;
    worstShare = Math.max(worstShare, share);
    rows.push({
      labels: cgroupLabels(`${cgroup}/${cid}`, template.name, template.image, cid, ns, p.life.name),
      cpuSeconds: counters.container(p, i) / 1e9,
      workingSet: usage.workingSetBytes,
      limit,
      ...(template.limits?.cpu ? { cfs: cfs(started, at, share) } : {}),
    });
    podLimit = limit === 0 || podLimit === -1 ? -1 : podLimit + limit;
  });
  // The pod cgroup has a quota of its own only when every container has a CPU limit.
  const podQuota = p.pod.workload.containers.every((c) => c.limits?.cpu);
  rows.push({
    labels: cgroupLabels(cgroup, '', '', '', ns, p.life.name),
    cpuSeconds: counters.pod(p) / 1e9,
    workingSet: p.workingSetBytes,
    limit: Math.max(0, podLimit),
    ...(podQuota ? { cfs: cfs(p.life.createdAt, at, worstShare * 0.8) } : {}),
  });
  rows.push({ labels: sandbox, cpuSeconds: 0.01, workingSet: 233_472, limit: 0 });
  return { rows, sandbox };
}

function withLabel(labels: Labels, name: string, value: string): Labels {
  return [...labels, [name, value] as const].sort(([a], [b]) => (a < b ? -1 : 1));
}

export function cadvisorMetrics(
  world: SimWorld,
  sample: NodeSample,
  counters: CpuCounters,
  fs: { used: number; capacity: number },
  nodeTraffic: Traffic,
  podTraffic: (p: PodSample) => Traffic,
): string {
  const at = sample.times.at;
  const memoryBytes = sample.node.machine.memoryKi * 1024;
  const root: Row = {
    labels: cgroupLabels('/'),
    cpuSeconds: counters.node / 1e9,
    workingSet: sample.workingSetBytes,
    limit: memoryBytes,
  };
  const rows: Row[] = [root];
  const sandboxes: { labels: Labels; traffic: Traffic }[] = [];
  for (const p of sample.pods) {
    const pod = podRows(world, { ...counters, at }, p);
    rows.push(...pod.rows);
    if (!p.pod.workload.hostNetwork) sandboxes.push({ labels: withLabel(pod.sandbox, 'interface', 'eth0'), traffic: podTraffic(p) });
  }
  const series = (pick: (r: Row) => number, stamped = true): Sample[] =>
    rows.map((r) => ({ labels: r.labels, value: pick(r), ...(stamped ? { timestampMs: at } : {}) }));
  const rootFs = withLabel(root.labels, 'device', '/dev/sda1');
  const rootNet = withLabel(root.labels, 'interface', 'ens4');
  const ids = machineIds(world.layout, sample.node);
  const machine: Labels = [
    ['boot_id', ids.bootID],
    ['machine_id', ids.machineID],
    ['system_uuid', ids.systemUUID],
  ];
  const quota = (pick: (c: Cfs) => number): Sample[] =>
    rows.flatMap((r) => (r.cfs ? [{ labels: r.labels, value: pick(r.cfs), timestampMs: at }] : []));
  const network = (pick: (t: Traffic) => number): Sample[] => [
    { labels: rootNet, value: Math.round(pick(nodeTraffic)), timestampMs: at },
    ...sandboxes.map((s) => ({ labels: s.labels, value: Math.round(pick(s.traffic)), timestampMs: at })),
  ];
  const families: Family[] = [
    {
      name: 'container_cpu_usage_seconds_total',
      help: 'Cumulative cpu time consumed in seconds.',
      type: 'counter',
      samples: series((r) => r.cpuSeconds).map((s) => ({ ...s, labels: withLabel(s.labels, 'cpu', 'total') })),
    },
    {
      name: 'container_cpu_cfs_periods_total',
      help: 'Number of elapsed enforcement period intervals.',
      type: 'counter',
      samples: quota((c) => c.periods),
    },
    {
      name: 'container_cpu_cfs_throttled_periods_total',
      help: 'Number of throttled period intervals.',
      type: 'counter',
      samples: quota((c) => c.throttled),
    },
    {
      name: 'container_cpu_cfs_throttled_seconds_total',
      help: 'Total time duration the container has been throttled.',
      type: 'counter',
      samples: quota((c) => c.throttledSeconds),
    },
    {
      name: 'container_memory_working_set_bytes',
      help: 'Current working set in bytes.',
      type: 'gauge',
      samples: series((r) => r.workingSet),
    },
    {
      name: 'container_memory_usage_bytes',
      help: 'Current memory usage in bytes, including all memory regardless of when it was accessed',
      type: 'gauge',
      samples: series((r) => r.workingSet + Math.floor(r.workingSet / 8)),
    },
    { name: 'container_memory_rss', help: 'Size of RSS in bytes.', type: 'gauge', samples: series((r) => Math.floor(r.workingSet * 0.8)) },
    {
      name: 'container_spec_memory_limit_bytes',
      help: 'Memory limit for the container.',
      type: 'gauge',
      samples: series((r) => r.limit, false),
    },
    {
      name: 'container_fs_usage_bytes',
      help: 'Number of bytes that are consumed by the container on this filesystem.',
      type: 'gauge',
      samples: [{ labels: rootFs, value: fs.used, timestampMs: at }],
    },
    {
      name: 'container_fs_limit_bytes',
      help: 'Number of bytes that can be consumed by the container on this filesystem.',
      type: 'gauge',
      samples: [{ labels: rootFs, value: fs.capacity, timestampMs: at }],
    },
    {
      name: 'container_network_receive_bytes_total',
      help: 'Cumulative count of bytes received',
      type: 'counter',
      samples: network((t) => t.rx),
    },
    {
      name: 'container_network_transmit_bytes_total',
      help: 'Cumulative count of bytes transmitted',
      type: 'counter',
      samples: network((t) => t.tx),
    },
    {
      name: 'machine_cpu_cores',
      help: 'Number of logical CPU cores.',
      type: 'gauge',
      samples: [{ labels: machine, value: sample.node.machine.cpuCores }],
    },
    {
      name: 'machine_memory_bytes',
      help: 'Amount of memory installed on the machine.',
      type: 'gauge',
      samples: [{ labels: machine, value: memoryBytes }],
    },
  ];
  return exposition(families);
}
