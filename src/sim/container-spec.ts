import type { ContainerTemplate, Resources } from './workload.js';

export interface ResourceRequirements {
  limits?: Resources;
  requests?: Resources;
}

/** Requests default to limits where only limits are given, as the apiserver's defaulting does. */
export function resourcesOf(c: ContainerTemplate): ResourceRequirements {
  const requests = { ...c.limits, ...c.requests };
  const out: ResourceRequirements = {};
  if (c.limits) out.limits = c.limits;
  if (Object.keys(requests).length > 0) out.requests = requests;
  return out;
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export function qosClass(containers: readonly ContainerTemplate[]): QosClass {
  const all = containers.map(resourcesOf);
  if (all.every((r) => !r.limits && !r.requests)) return 'BestEffort';
  const guaranteed = all.every(
    (r) => r.limits?.cpu && r.limits.memory && r.requests?.cpu === r.limits.cpu && r.requests?.memory === r.limits.memory,
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function containerSpec(c: ContainerTemplate, serviceAccountVolume: string | null) {
  return {
    name: c.name,
    image: c.image,
    ...(c.port ? { ports: [{ containerPort: c.port, protocol: 'TCP' }] } : {}),
    resources: resourcesOf(c),
    ...(serviceAccountVolume
      ? { volumeMounts: [{ name: serviceAccountVolume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }
      : {}),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  };
}

export function serviceAccountVolumeSpec(name: string) {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
      defaultMode: 420,
    },
  };
}
