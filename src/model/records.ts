import type { CumulativeUsage } from './cumulative-usage.js';
import type { NetworkCounters } from './network-rates.js';
import type { PodStatsIndex } from './pod-stats-index.js';
import type { Pressure } from './pressure.js';

// The plain records kmon works with once `kube` has parsed and validated a payload. Quantities are
// already numbers here: CPU in millicores (rounded up, as kubectl does), memory and disk in bytes,
// times in epoch milliseconds.

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface NodeCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
  /** When the condition last changed status (lastTransitionTime). */
  readonly since?: number;
}

export interface NodeResources {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  readonly pods: number;
  readonly ephemeralBytes: number | null;
}

export interface NodeInfo {
  readonly uid: string;
  readonly name: string;
  readonly createdAt: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly unschedulable: boolean;
  readonly conditions: readonly NodeCondition[];
  readonly allocatable: NodeResources;
  readonly capacity: NodeResources;
  readonly kubeletVersion: string;
  /** status.addresses' InternalIP: how Prometheus's kubelet targets name the node (instance="IP:10250"). */
  readonly internalIP?: string;
}

export interface ResourceAmounts {
  readonly cpuMilli: number | null;
  readonly memoryBytes: number | null;
  /** ephemeral-storage, where the spec sets it (absent on records made before kmon read it). */
  readonly ephemeralBytes?: number | null;
}

export type ContainerState = 'running' | 'waiting' | 'terminated' | 'unknown';

export interface LastTermination {
  readonly reason: string;
  readonly exitCode: number;
  readonly finishedAt: number | null;
}

export interface ContainerInfo {
  readonly name: string;
  readonly requests: ResourceAmounts;
  readonly limits: ResourceAmounts;
  readonly ready: boolean;
  readonly restarts: number;
  readonly state: ContainerState;
  /** Waiting or terminated reason (CrashLoopBackOff, OOMKilled, Completed…); '' when running. */
  readonly stateReason: string;
  readonly exitCode: number | null;
  readonly lastTermination: LastTermination | null;
}

export interface PodInfo {
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  readonly nodeName: string | null;
  readonly phase: string;
  /** status.reason, e.g. Evicted or NodeLost. */
  readonly reason: string;
  readonly createdAt: number;
  readonly deletingSince: number | null;
  readonly initContainers: readonly ContainerInfo[];
  readonly containers: readonly ContainerInfo[];
}

/** One CPU/memory sample and the source's own time for it. */
export interface Usage {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  /** When the source measured it (metrics-server scrape or kubelet stats time). */
  readonly timestamp: number;
}

export interface ContainerUsage {
  readonly name: string;
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

export interface PodUsage extends Usage {
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly ContainerUsage[];
}

export interface NodeUsage extends Usage {
  readonly name: string;
  /** Kubelet figures: the endpoint they came from (the summary, or /metrics/resource between summaries). */
  readonly from?: 'summary' | 'resource';
  /** The span between metrics-server's last two scrapes of the node, when it says (its scrape period). */
  readonly windowMs?: number;
}

export interface FsUsage {
  readonly capacityBytes: number;
  readonly availableBytes: number | null;
  readonly usedBytes: number | null;
  /** Inodes in all and free, where the kubelet reports them. */
  readonly inodes?: number | null;
  readonly inodesFree?: number | null;
  /** When the kubelet measured it. */
  readonly time?: number | null;
}

/** What one kubelet's Summary API told us about its node. */
export interface NodeSummary {
  readonly nodeName: string;
  readonly usage: NodeUsage | null;
  readonly fs: FsUsage | null;
  readonly imageFs: FsUsage | null;
  readonly network: NetworkCounters | null;
  readonly pods: readonly PodUsage[];
  /** Pressure stall information (kubelet 1.34+, cgroup v2); null or absent: not reported. */
  readonly pressure?: Pressure | null;
  /** Processes against the node's PID limit (rlimit); null or absent: not reported. */
  readonly processes?: ProcessCount | null;
  /** Each pod's ephemeral storage and, where the pods were read in full, network and pressure. */
  readonly podStats?: PodStatsIndex;
  /** The node's cumulative CPU, for a rate against a later /metrics/resource read. */
  readonly counters?: CumulativeUsage | null;
}

/** The kubelet's rlimit block: the most PIDs the node allows and how many are in use. */
export interface ProcessCount {
  readonly max: number;
  readonly used: number;
}
