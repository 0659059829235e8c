import type { ClusterLayout, PodSlot } from './cluster-layout.js';
import { containerSpec, serviceAccountVolumeSpec } from './container-spec.js';
import { generateName, kubeletUid, ownerReference, podLabels, serviceAccountVolume } from './pod-identity.js';
import { type PodLife, podUid } from './pod-life.js';
import { podStatus } from './pod-status.js';
import { rfc3339 } from './wire-text.js';
import type { Workload } from './workload.js';

const NOT_READY_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];
const EVERYTHING_TOLERATED = [{ operator: 'Exists' }];

function staticAnnotations(layout: ClusterLayout, pod: PodSlot, life: PodLife): Record<string, string> {
  const hash = kubeletUid(layout, pod, life);
  return {
    'kubernetes.io/config.hash': hash,
    'kubernetes.io/config.mirror': hash,
    // When the kubelet read the manifest, in Go's nanosecond RFC 3339 ("…T10:12:13.368486512Z").
    'kubernetes.io/config.seen': `${rfc3339(pod.createdAt - 2000).slice(0, 19)}.${String(parseInt(hash.slice(0, 8), 16) % 1e9).padStart(9, '0')}Z`,
    'kubernetes.io/config.source': 'file',
  };
}

export function restartPolicy(w: Workload): 'Never' | 'Always' {
  return w.kind === 'Job' ? 'Never' : 'Always';
}

function podSpec(layout: ClusterLayout, pod: PodSlot) {
  const w = pod.workload;
  const isStatic = w.kind === 'Node';
  const volume = isStatic ? null : serviceAccountVolume(layout, pod);
  return {
    ...(volume ? { volumes: [serviceAccountVolumeSpec(volume)] } : {}),
    ...(w.initContainers ? { initContainers: w.initContainers.map((c) => containerSpec(c, volume)) } : {}),
    containers: w.containers.map((c) => containerSpec(c, volume)),
    restartPolicy: restartPolicy(w),
    terminationGracePeriodSeconds: 30,
    dnsPolicy: w.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    ...(isStatic ? {} : { serviceAccountName: 'default', serviceAccount: 'default' }),
    nodeName: layout.nodes[pod.node]?.name ?? '',
    ...(w.hostNetwork ? { hostNetwork: true } : {}),
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: w.kind === 'DaemonSet' || isStatic ? EVERYTHING_TOLERATED : NOT_READY_TOLERATIONS,
    ...(w.priorityClassName
      ? { priorityClassName: w.priorityClassName, priority: w.priorityClassName === 'system-node-critical' ? 2000001000 : 2000000000 }
      : { priority: 0 }),
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
}

/** A core/v1 Pod as the apiserver returns it (list items carry no kind or apiVersion). */
export function renderPod(layout: ClusterLayout, pod: PodSlot, life: PodLife, resourceVersion: number, withType: boolean) {
  const prefix = generateName(pod, life);
  return {
    ...(withType ? { kind: 'Pod', apiVersion: 'v1' } : {}),
    metadata: {
      name: life.name,
      ...(prefix ? { generateName: prefix } : {}),
      namespace: pod.workload.namespace,
      uid: podUid(layout, pod, life.createdAt),
      resourceVersion: String(resourceVersion),
      generation: 1,
      creationTimestamp: rfc3339(life.createdAt),
      labels: podLabels(layout, pod, life),
      ...(pod.workload.kind === 'Node' ? { annotations: staticAnnotations(layout, pod, life) } : {}),
      ownerReferences: [ownerReference(layout, pod, life)],
    },
    spec: podSpec(layout, pod),
    status: podStatus(layout, pod, life),
  };
}
