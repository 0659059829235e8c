// Cumulative CPU counters and working sets as the kubelet keeps them (/metrics/resource, and the
// summary's usageCoreNanoSeconds): CPU use is the difference of two reads over the time between.

export interface CumulativeSample {
  /** CPU time used since the cgroup started, in core-seconds. */
  readonly cpuSeconds: number | null;
  readonly memoryBytes: number | null;
  /** When the kubelet measured it (epoch ms); null when it did not say. */
  readonly time: number | null;
}

export interface CumulativeContainer extends CumulativeSample {
  readonly name: string;
}

export interface CumulativePod {
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly CumulativeContainer[];
}

/** One read of a node's counters: the node's own and, where read, its pods' containers. */
export interface CumulativeUsage {
  readonly nodeName: string;
  readonly node: CumulativeSample | null;
  readonly pods: readonly CumulativePod[];
}
