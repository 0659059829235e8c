// The shape of what runs in the simulated cluster: a controller and its pod template, with the
// usual mix of resource specs (requests and limits, requests only, none).

export interface Resources {
  readonly cpu?: string;
  readonly memory?: string;
  readonly 'ephemeral-storage'?: string;
}

export interface ContainerTemplate {
  readonly name: string;
  readonly image: string;
  readonly requests?: Resources;
  readonly limits?: Resources;
  /** Typical CPU use, before the node's load factor. */
  readonly cpuMilli: number;
  /** Typical working set. */
  readonly memoryMi: number;
  readonly port?: number;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'Node';

export interface Workload {
  readonly namespace: string;
  readonly name: string;
  /** The controller: `Node` marks a static (mirror) pod, as the kubelet creates for the control plane. */
  readonly kind: WorkloadKind;
  readonly labels: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerTemplate[];
  readonly initContainers?: readonly ContainerTemplate[];
  readonly hostNetwork?: boolean;
  readonly priorityClassName?: string;
  /** Share of the free pod slots it takes; 0 = placed only where named. */
  readonly weight: number;
  /** Replicas across the whole cluster, for singletons and small StatefulSets. */
  readonly maxReplicas?: number;
}
