// What runs in the simulated cluster: real-looking workloads with the usual mix of resource
// specs (requests and limits, requests only, none), sidecars and init containers.

export interface Resources {
  readonly cpu?: string;
  readonly memory?: string;
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

const K8S = 'registry.k8s.io';

export const DAEMON_SETS: readonly Workload[] = [
  {
    namespace: 'kube-system',
    name: 'kube-proxy',
    kind: 'DaemonSet',
    labels: { 'k8s-app': 'kube-proxy' },
    containers: [{ name: 'kube-proxy', image: `${K8S}/kube-proxy:v1.35.0`, cpuMilli: 2, memoryMi: 24 }],
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    weight: 0,
  },
  {
    namespace: 'monitoring',
    name: 'node-exporter',
    kind: 'DaemonSet',
    labels: { 'app.kubernetes.io/name': 'node-exporter', 'app.kubernetes.io/part-of': 'kube-prometheus' },
    containers: [
      {
        name: 'node-exporter',
        image: 'quay.io/prometheus/node-exporter:v1.8.2',
        requests: { cpu: '10m', memory: '24Mi' },
        limits: { cpu: '250m', memory: '64Mi' },
        cpuMilli: 6,
        memoryMi: 21,
        port: 9100,
      },
    ],
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    weight: 0,
  },
];

function controlPlane(name: string, image: string, cpu: string, cpuMilli: number, memoryMi: number, memory?: string): Workload {
  return {
    namespace: 'kube-system',
    name,
    kind: 'Node',
    labels: { component: name, tier: 'control-plane' },
    containers: [{ name, image, requests: memory ? { cpu, memory } : { cpu }, cpuMilli, memoryMi }],
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    weight: 0,
  };
}

export const CONTROL_PLANE: readonly Workload[] = [
  controlPlane('etcd', `${K8S}/etcd:3.6.6-0`, '100m', 38, 96, '100Mi'),
  controlPlane('kube-apiserver', `${K8S}/kube-apiserver:v1.35.0`, '250m', 95, 410),
  controlPlane('kube-controller-manager', `${K8S}/kube-controller-manager:v1.35.0`, '200m', 22, 64),
  controlPlane('kube-scheduler', `${K8S}/kube-scheduler:v1.35.0`, '100m', 6, 28),
];

const webApi: Workload = {
  namespace: 'web',
  name: 'web-api',
  kind: 'Deployment',
  labels: { app: 'web-api', tier: 'backend' },
  containers: [
    {
      name: 'api',
      image: 'ghcr.io/acme/web-api:2.14.1',
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '1', memory: '512Mi' },
      cpuMilli: 190,
      memoryMi: 300,
      port: 8080,
    },
    {
      name: 'envoy',
      image: 'envoyproxy/envoy:v1.31.2',
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '200m', memory: '128Mi' },
      cpuMilli: 24,
      memoryMi: 46,
      port: 15001,
    },
  ],
  weight: 4,
};

const webFrontend: Workload = {
  namespace: 'web',
  name: 'web-frontend',
  kind: 'Deployment',
  labels: { app: 'web-frontend', tier: 'frontend' },
  containers: [
    {
      name: 'nginx',
      image: 'docker.io/library/nginx:1.27-alpine',
      requests: { cpu: '100m', memory: '64Mi' },
      cpuMilli: 35,
      memoryMi: 38,
      port: 80,
    },
  ],
  weight: 3,
};

const paymentsApi: Workload = {
  namespace: 'payments',
  name: 'payments-api',
  kind: 'Deployment',
  labels: { app: 'payments-api', 'app.kubernetes.io/part-of': 'payments' },
  initContainers: [
    {
      name: 'db-migrate',
      image: 'ghcr.io/acme/payments-migrate:5.2.0',
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
      cpuMilli: 0,
      memoryMi: 0,
    },
  ],
  containers: [
    {
      name: 'api',
      image: 'ghcr.io/acme/payments-api:5.2.0',
      requests: { cpu: '500m', memory: '512Mi' },
      limits: { cpu: '1500m', memory: '1Gi' },
      cpuMilli: 260,
      memoryMi: 560,
      port: 8443,
    },
  ],
  weight: 2,
};

const ledgerWorker: Workload = {
  namespace: 'payments',
  name: 'ledger-worker',
  kind: 'Deployment',
  labels: { app: 'ledger-worker', 'app.kubernetes.io/part-of': 'payments' },
  containers: [
    {
      name: 'worker',
      image: 'ghcr.io/acme/ledger-worker:1.9.3',
      requests: { cpu: '200m', memory: '256Mi' },
      cpuMilli: 140,
      memoryMi: 210,
    },
  ],
  weight: 2,
};

/** BestEffort and CPU-hungry: the pods that make the hot node hot. */
export const BATCH_HOG: Workload = {
  namespace: 'batch',
  name: 'image-resizer',
  kind: 'Deployment',
  labels: { app: 'image-resizer' },
  containers: [{ name: 'resizer', image: 'ghcr.io/acme/image-resizer:0.8.1', cpuMilli: 160, memoryMi: 150 }],
  weight: 1,
};

const SINGLETONS: readonly Workload[] = [
  {
    namespace: 'kube-system',
    name: 'coredns',
    kind: 'Deployment',
    labels: { 'k8s-app': 'kube-dns' },
    containers: [
      {
        name: 'coredns',
        image: `${K8S}/coredns/coredns:v1.13.1`,
        requests: { cpu: '100m', memory: '70Mi' },
        limits: { memory: '170Mi' },
        cpuMilli: 4,
        memoryMi: 22,
        port: 53,
      },
    ],
    priorityClassName: 'system-cluster-critical',
    weight: 0,
    maxReplicas: 2,
  },
  {
    namespace: 'kube-system',
    name: 'metrics-server',
    kind: 'Deployment',
    labels: { 'k8s-app': 'metrics-server' },
    containers: [
      {
        name: 'metrics-server',
        image: `${K8S}/metrics-server/metrics-server:v0.8.0`,
        requests: { cpu: '100m', memory: '200Mi' },
        cpuMilli: 9,
        memoryMi: 34,
        port: 10250,
      },
    ],
    priorityClassName: 'system-cluster-critical',
    weight: 0,
    maxReplicas: 1,
  },
  {
    namespace: 'monitoring',
    name: 'prometheus-k8s',
    kind: 'StatefulSet',
    labels: { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/part-of': 'kube-prometheus' },
    containers: [
      {
        name: 'prometheus',
        image: 'quay.io/prometheus/prometheus:v3.1.0',
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { memory: '3Gi' },
        cpuMilli: 210,
        memoryMi: 1480,
        port: 9090,
      },
      {
        name: 'config-reloader',
        image: 'quay.io/prometheus-operator/prometheus-config-reloader:v0.79.2',
        requests: { cpu: '10m', memory: '25Mi' },
        limits: { cpu: '10m', memory: '50Mi' },
        cpuMilli: 1,
        memoryMi: 18,
      },
    ],
    weight: 0,
    maxReplicas: 2,
  },
  {
    namespace: 'monitoring',
    name: 'grafana',
    kind: 'Deployment',
    labels: { 'app.kubernetes.io/name': 'grafana' },
    containers: [
      {
        name: 'grafana',
        image: 'docker.io/grafana/grafana:11.4.0',
        // Decimal mega, as people write it: 500M is 476.8Mi.
        requests: { cpu: '100m', memory: '500M' },
        limits: { memory: '1G' },
        cpuMilli: 14,
        memoryMi: 120,
        port: 3000,
      },
    ],
    weight: 0,
    maxReplicas: 1,
  },
  {
    namespace: 'web',
    name: 'session-cache',
    kind: 'StatefulSet',
    labels: { app: 'session-cache', 'app.kubernetes.io/name': 'redis' },
    containers: [
      {
        name: 'redis',
        image: 'docker.io/library/redis:7.4-alpine',
        requests: { cpu: '200m', memory: '512Mi' },
        limits: { cpu: '200m', memory: '512Mi' },
        cpuMilli: 45,
        memoryMi: 260,
        port: 6379,
      },
    ],
    weight: 0,
    maxReplicas: 3,
  },
];

/** Placed first, spread over the nodes, so even a small cluster runs the usual system pods. */
export const SPREAD_FIRST: readonly Workload[] = SINGLETONS;

/** Fill the remaining slots, by weight. */
export const FILLERS: readonly Workload[] = [webApi, webFrontend, paymentsApi, ledgerWorker, BATCH_HOG];

/** The pod whose memory leaks toward its limit until it is OOMKilled. */
export const LEAKY: Workload = {
  namespace: 'payments',
  name: 'invoice-renderer',
  kind: 'Deployment',
  labels: { app: 'invoice-renderer', 'app.kubernetes.io/part-of': 'payments' },
  containers: [
    {
      name: 'renderer',
      image: 'ghcr.io/acme/invoice-renderer:3.0.4',
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
      cpuMilli: 60,
      memoryMi: 256,
      port: 8080,
    },
  ],
  weight: 0,
};

/** The pod in CrashLoopBackOff. */
export const CRASHING: Workload = {
  namespace: 'batch',
  name: 'report-generator',
  kind: 'Deployment',
  labels: { app: 'report-generator' },
  containers: [
    {
      name: 'generator',
      image: 'ghcr.io/acme/report-generator:1.4.0',
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { memory: '128Mi' },
      cpuMilli: 30,
      memoryMi: 40,
    },
  ],
  weight: 0,
};

/** A CronJob's pod: a new Job every few minutes, so pods come and go. */
export const CRON: Workload = {
  namespace: 'batch',
  name: 'ttl-cleanup',
  kind: 'Job',
  labels: {},
  containers: [
    {
      name: 'cleanup',
      image: 'docker.io/bitnami/kubectl:1.32',
      requests: { cpu: '20m', memory: '32Mi' },
      limits: { cpu: '100m', memory: '64Mi' },
      cpuMilli: 15,
      memoryMi: 28,
    },
  ],
  weight: 0,
};

export const NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
  'batch',
  'monitoring',
  'payments',
  'web',
];
