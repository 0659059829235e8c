import type { CpuCounters, NodeSample } from './node-sample.js';
import { exposition, type Family, type Sample } from './prom-text.js';

// The kubelet's /metrics/resource, built the way pkg/kubelet/metrics/collectors/resource_metrics.go
// builds it from the summary: CPU counters in core-seconds and working sets, each stamped with its
// sample's time in milliseconds; the start time gauge carries no timestamp.

export function resourceMetrics(sample: NodeSample, counters: CpuCounters): string {
  const at = sample.times.at;
  const containerCpu: Sample[] = [];
  const containerMemory: Sample[] = [];
  const containerStart: Sample[] = [];
  const podCpu: Sample[] = [];
  const podMemory: Sample[] = [];
  sample.pods.forEach((p) => {
    const podLabels = [
      ['namespace', p.pod.workload.namespace],
      ['pod', p.life.name],
    ] as const;
    p.containers.forEach((usage, i) => {
      const state = p.life.containers[i]?.state;
      if (!usage || state?.kind !== 'running') return;
      const labels = [['container', p.pod.workload.containers[i]?.name ?? ''], ...podLabels] as const;
      containerCpu.push({ labels, value: counters.container(p, i) / 1e9, timestampMs: at });
      containerMemory.push({ labels, value: usage.workingSetBytes, timestampMs: at });
      containerStart.push({ labels, value: state.startedAt / 1000 });
    });
    podCpu.push({ labels: podLabels, value: counters.pod(p) / 1e9, timestampMs: at });
    podMemory.push({ labels: podLabels, value: p.workingSetBytes, timestampMs: at });
  });
  const families: Family[] = [
    {
      name: 'container_cpu_usage_seconds_total',
      help: '[STABLE] Cumulative cpu time consumed by the container in core-seconds',
      type: 'counter',
      samples: containerCpu,
    },
    {
      name: 'container_memory_working_set_bytes',
      help: '[STABLE] Current working set of the container in bytes',
      type: 'gauge',
      samples: containerMemory,
    },
    {
      name: 'container_start_time_seconds',
      help: '[STABLE] Start time of the container since unix epoch in seconds',
      type: 'gauge',
      samples: containerStart,
    },
    {
      name: 'node_cpu_usage_seconds_total',
      help: '[STABLE] Cumulative cpu time consumed by the node in core-seconds',
      type: 'counter',
      samples: [{ labels: [], value: counters.node / 1e9, timestampMs: at }],
    },
    {
      name: 'node_memory_working_set_bytes',
      help: '[STABLE] Current working set of the node in bytes',
      type: 'gauge',
      samples: [{ labels: [], value: sample.workingSetBytes, timestampMs: at }],
    },
    {
      name: 'pod_cpu_usage_seconds_total',
      help: '[STABLE] Cumulative cpu time consumed by the pod in core-seconds',
      type: 'counter',
      samples: podCpu,
    },
    { name: 'pod_memory_working_set_bytes', help: '[STABLE] Current working set of the pod in bytes', type: 'gauge', samples: podMemory },
    {
      name: 'resource_scrape_error',
      help: '[STABLE] 1 if there was an error while getting container metrics, 0 otherwise',
      type: 'gauge',
      samples: [{ labels: [], value: 0 }],
    },
  ];
  return exposition(families);
}
