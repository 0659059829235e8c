import type { renderNamespace } from './render-namespace.js';
import type { renderNode } from './render-node.js';
import type { renderPod } from './render-pod.js';
import { humanAge } from './table-age.js';
import { column, type TableRow } from './table-format.js';

// The columns and cells the apiserver prints for pods, nodes and namespaces
// (pkg/printers/internalversion/printers.go), computed from the objects as served.

const NONE = '<none>';
const AGE = column('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

const age = (created: string, now: number) => humanAge(now - Date.parse(created));

export const POD_COLUMNS = [
  column('Name', 'Name must be unique within a namespace.', 0, 'name'),
  column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'The aggregate status of the containers in this pod.'),
  column(
    'Restarts',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  ),
  AGE,
  column('IP', 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
  column('Node', 'NodeName indicates in which node this pod is scheduled.', 1),
  column('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', 1),
  column('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
];

type Pod = ReturnType<typeof renderPod>;

/** Waiting or terminated reasons win over the phase, as kubectl shows CrashLoopBackOff or Completed. */
function podReason(pod: Pod): string {
  let reason: string = pod.status.phase;
  for (const c of [...pod.status.containerStatuses].reverse()) {
    const state = c.state as { waiting?: { reason: string }; terminated?: { reason: string } };
    reason = state.waiting?.reason ?? state.terminated?.reason ?? reason;
  }
  return reason;
}

export function podRow(pod: Pod, now: number): TableRow {
  const statuses = pod.status.containerStatuses;
  const restarts = statuses.reduce((sum, c) => sum + c.restartCount, 0);
  const lastRestart = Math.max(
    0,
    ...statuses.map((c) => Date.parse((c.lastState as { terminated?: { finishedAt: string } }).terminated?.finishedAt ?? '') || 0),
  );
  const status = pod.status as { podIP?: string };
  return {
    cells: [
      pod.metadata.name,
      `${statuses.filter((c) => c.ready).length}/${statuses.length}`,
      podReason(pod),
      restarts > 0 && lastRestart > 0 ? `${restarts} (${humanAge(now - lastRestart)} ago)` : String(restarts),
      age(pod.metadata.creationTimestamp, now),
      status.podIP ?? NONE,
      pod.spec.nodeName,
      NONE,
      NONE,
    ],
    metadata: pod.metadata,
  };
}

export const NODE_COLUMNS = [
  column('Name', 'Name must be unique within a namespace.', 0, 'name'),
  column('Status', 'The status of the node'),
  column('Roles', 'The roles of the node'),
  AGE,
  column('Version', 'Kubelet Version reported by the node.'),
  column('Internal-IP', 'List of internal IPs of the node.', 1),
  column('External-IP', 'List of external IPs of the node.', 1),
  column('OS-Image', 'OS image reported by the node.', 1),
  column('Kernel-Version', 'Kernel version reported by the node.', 1),
  column('Container-Runtime', 'Container runtime and version reported by the node.', 1),
];

type Node = ReturnType<typeof renderNode>;

export function nodeRow(node: Node, now: number): TableRow {
  const ready = node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
  const roles = Object.keys(node.metadata.labels)
    .filter((l) => l.startsWith('node-role.kubernetes.io/'))
    .map((l) => l.slice('node-role.kubernetes.io/'.length));
  const info = node.status.nodeInfo;
  return {
    cells: [
      node.metadata.name,
      ready ? 'Ready' : 'NotReady',
      roles.length > 0 ? roles.join(',') : NONE,
      age(node.metadata.creationTimestamp, now),
      info.kubeletVersion,
      node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? NONE,
      NONE,
      info.osImage,
      info.kernelVersion,
      info.containerRuntimeVersion,
    ],
    metadata: node.metadata,
  };
}

export const NAMESPACE_COLUMNS = [
  column('Name', 'Name must be unique within a namespace.', 0, 'name'),
  column('Status', 'The status of the namespace'),
  AGE,
];

type Namespace = ReturnType<typeof renderNamespace>;

export function namespaceRow(namespace: Namespace, now: number): TableRow {
  return {
    cells: [namespace.metadata.name, namespace.status.phase, age(namespace.metadata.creationTimestamp, now)],
    metadata: namespace.metadata,
  };
}
