import type { Workload } from './workload.js';

// The teams' workloads that fill the nodes, and the pods that act out the scenarios.

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
      // Ledger batches are spooled to local disk: the kubelet evicts the pod past this.
      limits: { 'ephemeral-storage': '2Gi' },
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
