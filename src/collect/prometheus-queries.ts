import type { Histories } from '../model/snapshot.js';

// What kmon asks Prometheus for each series it keeps a history of: the standard series the kubelet
// (/metrics/resource) and cAdvisor (/metrics/cadvisor) export, and node-exporter's where it runs,
// each turned into the figure kmon records live. A series has candidates, preferred first: the one
// closest to kmon's own arithmetic that has data is used. Adding a series is one entry here.
//
// Node series keep `node` and `instance`, which say whose they are (series-owner.ts); pod series
// keep `namespace` and `pod`. The same container's series may come twice (cAdvisor's and the
// resource endpoint's, or two Prometheus jobs): `max by` keeps one of each before they are summed.

export type HistoryName = keyof Histories;

export interface Candidate {
  /** The PromQL, given the rate range (`1m`) and the pod matchers (`,namespace="web"`) where they apply. */
  readonly query: (range: string, podMatchers: string) => string;
  /** The series it reads, for "no series" messages. */
  readonly reads: string;
  /** cAdvisor's disk figure counts used bytes, not the root-reserved ones the kubelet counts as gone. */
  readonly usedNotAvailable?: boolean;
}

export interface SeriesSpec {
  readonly history: HistoryName;
  /** Which series of the history (its index). */
  readonly series: number;
  /** Named in messages: "node inodes". */
  readonly what: string;
  readonly owner: 'node' | 'pod';
  readonly candidates: readonly Candidate[];
}

const BY_NODE = 'max by (node, instance)';
// cAdvisor's whole-machine row carries every mounted filesystem; the node's own is taken to be the
// largest block device.
const ROOT_DEVICE = 'id="/",device=~"/dev/.+"';
const onRootDevice = (series: string) =>
  `(${series}{${ROOT_DEVICE}} and on (node, instance, device) topk by (node, instance) (1, container_fs_limit_bytes{${ROOT_DEVICE}}))`;
const EXPORTER_ROOT = 'mountpoint="/",fstype!="rootfs"';
// Real containers only: the pod's own cgroup and its pause sandbox have container="" (or "POD").
const CONTAINERS = 'container!="",container!="POD"';

const podSum = (inner: string) => `sum by (namespace, pod) (max by (namespace, pod, container) (${inner}))`;

export const SERIES: readonly SeriesSpec[] = [
  {
    history: 'nodeUsage',
    series: 0,
    what: 'node CPU',
    owner: 'node',
    candidates: [
      // irate: the change between the last two samples, which is what metrics-server reports.
      { query: (r) => `${BY_NODE} (irate(node_cpu_usage_seconds_total[${r}])) * 1000`, reads: 'node_cpu_usage_seconds_total' },
      {
        query: (r) => `${BY_NODE} (irate(container_cpu_usage_seconds_total{id="/"}[${r}])) * 1000`,
        reads: 'container_cpu_usage_seconds_total{id="/"}',
      },
    ],
  },
  {
    history: 'nodeUsage',
    series: 1,
    what: 'node memory',
    owner: 'node',
    candidates: [
      { query: () => `${BY_NODE} (node_memory_working_set_bytes)`, reads: 'node_memory_working_set_bytes' },
      { query: () => `${BY_NODE} (container_memory_working_set_bytes{id="/"})`, reads: 'container_memory_working_set_bytes{id="/"}' },
    ],
  },
  {
    history: 'nodeDisk',
    series: 0,
    what: 'node disk',
    owner: 'node',
    candidates: [
      {
        query: () =>
          `100 * (1 - ${BY_NODE} (node_filesystem_avail_bytes{${EXPORTER_ROOT}}) / ${BY_NODE} (node_filesystem_size_bytes{${EXPORTER_ROOT}}))`,
        reads: 'node_filesystem_avail_bytes',
      },
      {
        query: () => `100 * ${BY_NODE} (${onRootDevice('container_fs_usage_bytes')} / ${onRootDevice('container_fs_limit_bytes')})`,
        reads: 'container_fs_usage_bytes{id="/"}',
        usedNotAvailable: true,
      },
    ],
  },
  {
    history: 'nodeDisk',
    series: 2,
    what: 'node inodes',
    owner: 'node',
    candidates: [
      {
        query: () =>
          `100 * (1 - ${BY_NODE} (node_filesystem_files_free{${EXPORTER_ROOT}}) / ${BY_NODE} (node_filesystem_files{${EXPORTER_ROOT}}))`,
        reads: 'node_filesystem_files_free',
      },
      {
        query: () =>
          `100 * (1 - ${BY_NODE} (${onRootDevice('container_fs_inodes_free')}) / ${BY_NODE} (${onRootDevice('container_fs_inodes_total')}))`,
        reads: 'container_fs_inodes_free{id="/"}',
      },
    ],
  },
  {
    history: 'podUsage',
    series: 0,
    what: 'pod CPU',
    owner: 'pod',
    candidates: [
      {
        query: (r, pods) => `${podSum(`irate(container_cpu_usage_seconds_total{${CONTAINERS}${pods}}[${r}])`)} * 1000`,
        reads: 'container_cpu_usage_seconds_total',
      },
    ],
  },
  {
    history: 'podUsage',
    series: 1,
    what: 'pod memory',
    owner: 'pod',
    candidates: [
      {
        query: (_, pods) => podSum(`container_memory_working_set_bytes{${CONTAINERS}${pods}}`),
        reads: 'container_memory_working_set_bytes',
      },
    ],
  },
];

/** The series whose raw samples tell how often Prometheus scrapes the kubelets. */
export const STEP_PROBES = ['node_memory_working_set_bytes', 'container_memory_working_set_bytes{id="/"}'] as const;

/** A label matcher's value in PromQL: quotes and backslashes escaped. */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
