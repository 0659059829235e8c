import { POD_COLUMNS, podRow } from './core-tables.js';
import { matchesFields, requiredValue } from './field-selector.js';
import { selects } from './label-selector.js';
import { selectPage } from './list-page.js';
import type { ListQuery } from './list-query.js';
import { listResponse, objectResponse, type Presentation } from './list-response.js';
import { podLabels } from './pod-identity.js';
import { podIP } from './pod-status.js';
import { renderPod, restartPolicy } from './render-pod.js';
import type { SimResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { objectNotFound } from './status-body.js';
import type { WatchTarget } from './watch-stream.js';

/** The fields the apiserver lets a pod list select on (pkg/registry/core/pod PodToSelectableFields). */
export const POD_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.nominatedNodeName',
] as const;

function field(world: SimWorld, slot: number, t: number, name: string): string {
  const pod = world.pod(slot);
  const w = pod.workload;
  const life = world.life(slot, t);
  const values: Record<string, string> = {
    'metadata.name': life.name,
    'metadata.namespace': w.namespace,
    'spec.nodeName': world.layout.nodes[pod.node]?.name ?? '',
    'spec.restartPolicy': restartPolicy(w),
    'spec.schedulerName': 'default-scheduler',
    'spec.serviceAccountName': w.kind === 'Node' ? '' : 'default',
    'spec.hostNetwork': String(w.hostNetwork === true),
    'status.phase': life.phase,
    'status.podIP': life.phase === 'Pending' ? '' : podIP(world.layout, pod),
  };
  return values[name] ?? '';
}

function matcher(world: SimWorld, namespace: string | null, query: ListQuery, t: number): (slot: number) => boolean {
  return (slot) =>
    world.podPresent(slot) &&
    (namespace === null || world.pod(slot).workload.namespace === namespace) &&
    (query.labels.length === 0 || selects(query.labels, podLabels(world.layout, world.pod(slot), world.life(slot, t)))) &&
    (query.fields.length === 0 || matchesFields(query.fields, (f) => field(world, slot, t, f)));
}

const keyOf = (world: SimWorld, t: number) => (slot: number) => `${world.pod(slot).workload.namespace}/${world.podName(slot, t)}`;

/** Candidate slots in key order, narrowed by namespace or by spec.nodeName=, as an index would. */
function candidates(world: SimWorld, namespace: string | null, query: ListQuery, t: number): ArrayLike<number> {
  const { layout } = world;
  const nodeName = requiredValue(query.fields, 'spec.nodeName');
  if (nodeName !== null) {
    const node = world.findNode(nodeName);
    if (node === null) return [];
    const slots = Array.from({ length: layout.podsPerNode }, (_, p) => node * layout.podsPerNode + p);
    const key = keyOf(world, t);
    return slots.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  }
  if (namespace === null) return layout.order;
  const range = layout.namespaceRanges.get(namespace);
  return range ? layout.order.subarray(range[0], range[1]) : [];
}

const render = (world: SimWorld, slot: number, t: number, rv: number, withType: boolean, generation?: number) =>
  world.presence.identify({ kind: 'pod', slot }, renderPod(world.layout, world.pod(slot), world.life(slot, t), rv, withType), generation);

/** Pods as objects, or as `kubectl get` rows when asTable. */
function presentation(world: SimWorld, asTable: boolean): Presentation {
  const t = world.now;
  const object = (slot: number, withType: boolean) => render(world, slot, t, world.version({ kind: 'pod', slot }), withType);
  return { kind: 'Pod', object, table: asTable ? { columns: POD_COLUMNS, row: (slot) => podRow(object(slot, false), t) } : null };
}

export function listPods(world: SimWorld, namespace: string | null, query: ListQuery, asTable: boolean): SimResponse {
  const t = world.now;
  const page = selectPage(candidates(world, namespace, query, t), keyOf(world, t), matcher(world, namespace, query, t), query);
  return listResponse(presentation(world, asTable), world.timeline.resourceVersion, query, page);
}

export function getPod(world: SimWorld, namespace: string, name: string, asTable: boolean): SimResponse {
  const slot = world.findPod(namespace, name, world.now);
  return slot === null || !world.podPresent(slot) ? objectNotFound('pods', name) : objectResponse(presentation(world, asTable), slot);
}

export function podWatch(world: SimWorld, namespace: string | null, query: ListQuery): WatchTarget {
  return {
    kind: 'Pod',
    *initial() {
      const t = world.now;
      const ids = candidates(world, namespace, query, t);
      const matches = matcher(world, namespace, query, t);
      for (let i = 0; i < ids.length; i++) {
        const slot = ids[i] ?? 0;
        if (matches(slot)) yield render(world, slot, t, world.version({ kind: 'pod', slot }), true);
      }
    },
    render(event) {
      if (event.ref.kind !== 'pod') return null;
      const { slot } = event.ref;
      // A removed pod's own DELETED carries its generation and is sent although the pod is gone.
      const removal = event.generation !== undefined;
      if (removal && (namespace === null || world.pod(slot).workload.namespace === namespace)) {
        return render(world, slot, event.renderAt, event.rv, true, event.generation);
      }
      if (!matcher(world, namespace, query, event.renderAt)(slot)) return null;
      return render(world, slot, event.renderAt, event.rv, true);
    },
  };
}
