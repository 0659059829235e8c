import type { Workload } from './workload.js';

// Cluster plumbing: DaemonSets on every node, the control plane's static pods, and the usual
// add-ons (DNS, metrics-server, monitoring).

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

/** Placed first, spread over the nodes, so even a small cluster runs the usual system pods. */
export const SPREAD_FIRST: readonly Workload[] = [
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
