import type { ClusterLayout, PodSlot } from './cluster-layout.js';
import { stringHash } from './hash.js';
import { hexId, randomSuffix, uuid } from './names.js';
import { type PodLife, podUid } from './pod-life.js';

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller: true;
  readonly blockOwnerDeletion?: true;
}

function sorted(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function jobName(life: PodLife): string {
  return life.name.slice(0, life.name.lastIndexOf('-'));
}

// Every pod of a controller carries the same labels and owner reference, and a 150,000-pod list
// asks for them once per pod: they are built once per layout and controller.
type Memo<T> = WeakMap<ClusterLayout, Map<string, T>>;

function perController<T>(memo: Memo<T>, layout: ClusterLayout, pod: PodSlot, build: () => T): T {
  let byController = memo.get(layout);
  if (!byController) {
    byController = new Map();
    memo.set(layout, byController);
  }
  const id = `${pod.workload.namespace}/${pod.workload.name}`;
  let value = byController.get(id);
  if (value === undefined) {
    value = build();
    byController.set(id, value);
  }
  return value;
}

const sharedLabels: Memo<Readonly<Record<string, string>>> = new WeakMap();
const sharedOwners: Memo<OwnerReference> = new WeakMap();

/** Labels as the pod's controller sets them, sorted as Go writes a map. */
export function podLabels(layout: ClusterLayout, pod: PodSlot, life: PodLife): Readonly<Record<string, string>> {
  const kind = pod.workload.kind;
  if (kind === 'StatefulSet' || kind === 'Job') return ownLabels(layout, pod, life);
  return perController(sharedLabels, layout, pod, () => ownLabels(layout, pod, life));
}

function ownLabels(layout: ClusterLayout, pod: PodSlot, life: PodLife): Record<string, string> {
  const w = pod.workload;
  const id = `${w.namespace}/${w.name}`;
  const hash = layout.templateHashes.get(id) ?? '';
  switch (w.kind) {
    case 'Deployment':
      return sorted({ ...w.labels, 'pod-template-hash': hash });
    case 'DaemonSet':
      return sorted({ ...w.labels, 'controller-revision-hash': hexId(10, stringHash(id)), 'pod-template-generation': '1' });
    case 'StatefulSet':
      return sorted({
        ...w.labels,
        'apps.kubernetes.io/pod-index': life.name.slice(w.name.length + 1),
        'controller-revision-hash': `${w.name}-${hexId(10, stringHash(id))}`,
        'statefulset.kubernetes.io/pod-name': life.name,
      });
    case 'Job': {
      const job = jobName(life);
      const controller = uuid(layout.seed, 42, stringHash(job));
      return sorted({
        'batch.kubernetes.io/controller-uid': controller,
        'batch.kubernetes.io/job-name': job,
        'controller-uid': controller,
        'job-name': job,
      });
    }
    case 'Node':
      return sorted({ ...w.labels });
  }
}

export function ownerReference(layout: ClusterLayout, pod: PodSlot, life: PodLife): OwnerReference {
  const kind = pod.workload.kind;
  if (kind === 'Job' || kind === 'Node') return ownOwner(layout, pod, life);
  return perController(sharedOwners, layout, pod, () => ownOwner(layout, pod, life));
}

function ownOwner(layout: ClusterLayout, pod: PodSlot, life: PodLife): OwnerReference {
  const w = pod.workload;
  const owned = (
    apiVersion: string,
    kind: string,
    name: string,
    uid = uuid(layout.seed, 41, stringHash(`${kind}/${w.namespace}/${name}`)),
  ): OwnerReference => ({
    apiVersion,
    kind,
    name,
    uid,
    controller: true,
    blockOwnerDeletion: true,
  });
  switch (w.kind) {
    case 'Deployment':
      return owned('apps/v1', 'ReplicaSet', `${w.name}-${layout.templateHashes.get(`${w.namespace}/${w.name}`) ?? ''}`);
    case 'DaemonSet':
      return owned('apps/v1', 'DaemonSet', w.name);
    case 'StatefulSet':
      return owned('apps/v1', 'StatefulSet', w.name);
    case 'Job':
      return owned('batch/v1', 'Job', jobName(life), uuid(layout.seed, 42, stringHash(jobName(life))));
    case 'Node': {
      const node = layout.nodes[pod.node];
      return { apiVersion: 'v1', kind: 'Node', name: node?.name ?? '', uid: node?.uid ?? '', controller: true };
    }
  }
}

/** The prefix a controller generated the name from, if any. */
export function generateName(pod: PodSlot, life: PodLife): string | undefined {
  const kind = pod.workload.kind;
  if (kind === 'Deployment' || kind === 'DaemonSet' || kind === 'Job') return life.name.slice(0, life.name.lastIndexOf('-') + 1);
  return undefined;
}

/** Static pods are known to the kubelet by their config hash, not by the mirror pod's UID. */
export function kubeletUid(layout: ClusterLayout, pod: PodSlot, life: PodLife): string {
  return pod.workload.kind === 'Node' ? hexId(32, layout.seed, 43, pod.slot) : podUid(layout, pod, life.createdAt);
}

export function serviceAccountVolume(layout: ClusterLayout, pod: PodSlot): string {
  return `kube-api-access-${randomSuffix(5, layout.seed, 44, pod.slot)}`;
}
