// Small hand-built records for model and collect tests; each test overrides only what it is about.
import { HistoryStore } from '../../src/model/history.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { ContainerInfo, NodeCondition, NodeInfo, NodeSummary, PodInfo, PodUsage } from '../../src/model/records.js';
import type { Snapshot } from '../../src/model/snapshot.js';

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

export function condition(type: string, status: NodeCondition['status'], message = ''): NodeCondition {
  return { type, status, reason: '', message };
}

export function nodeInfo(name: string, overrides: Partial<NodeInfo> = {}): NodeInfo {
  return {
    uid: `uid-${name}`,
    name,
    createdAt: 0,
    labels: {},
    unschedulable: false,
    conditions: [condition('Ready', 'True')],
    allocatable: { cpuMilli: 4000, memoryBytes: 8 * GiB, pods: 110, ephemeralBytes: null },
    capacity: { cpuMilli: 4000, memoryBytes: 8 * GiB, pods: 110, ephemeralBytes: null },
    kubeletVersion: 'v1.35.0',
    ...overrides,
  };
}

export function container(name: string, overrides: Partial<ContainerInfo> = {}): ContainerInfo {
  return {
    name,
    requests: { cpuMilli: null, memoryBytes: null },
    limits: { cpuMilli: null, memoryBytes: null },
    ready: true,
    restarts: 0,
    state: 'running',
    stateReason: '',
    exitCode: null,
    lastTermination: null,
    ...overrides,
  };
}

export function podInfo(name: string, overrides: Partial<PodInfo> = {}): PodInfo {
  return {
    uid: `uid-${name}`,
    name,
    namespace: 'default',
    nodeName: 'node-a',
    phase: 'Running',
    reason: '',
    createdAt: 0,
    deletingSince: null,
    initContainers: [],
    containers: [container('main')],
    ...overrides,
  };
}

export function podUsage(namespace: string, name: string, cpuMilli: number, memoryBytes: number, timestamp = 0): PodUsage {
  return { namespace, name, cpuMilli, memoryBytes, timestamp, containers: [{ name: 'main', cpuMilli, memoryBytes }] };
}

export function nodeSummary(nodeName: string, overrides: Partial<NodeSummary> = {}): NodeSummary {
  return { nodeName, usage: null, fs: null, imageFs: null, network: null, pods: [], ...overrides };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 1,
    takenAt: 0,
    intervalMs: 5000,
    scope: { context: 'test', cluster: 'test', server: 'https://127.0.0.1:6443', namespace: null },
    nodes: [],
    pods: [],
    inventoryAt: 0,
    podsListed: true,
    nodeUsage: new Map(),
    podUsage: new PodUsageIndex(),
    metricsSource: 'metrics-api',
    podMetricsSource: 'metrics-api',
    metricsAt: 0,
    summaries: new Map(),
    kubeletOff: null,
    problems: [],
    history: {
      nodeUsage: new HistoryStore({ seriesCount: 2, depth: 8 }),
      nodeDisk: new HistoryStore({ seriesCount: 1, depth: 8 }),
      podUsage: new HistoryStore({ seriesCount: 2, depth: 8 }),
    },
    ...overrides,
  };
}
