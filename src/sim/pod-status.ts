import type { ClusterLayout, PodSlot } from './cluster-layout.js';
import { qosClass, resourcesOf } from './container-spec.js';
import { stringHash } from './hash.js';
import { hexId } from './names.js';
import type { ContainerLife, ContainerState, PodLife, Termination } from './pod-life.js';
import { rfc3339 } from './wire-text.js';
import type { ContainerTemplate } from './workload.js';

const SECOND = 1000;

function containerId(layout: ClusterLayout, pod: PodSlot, index: number, restarts: number): string {
  return `containerd://${hexId(64, layout.seed, 50, pod.slot, index, restarts)}`;
}

const imageIds = new Map<string, string>();

/** The digest the runtime resolved the image to; a handful of images, looked up per container. */
function imageId(image: string): string {
  let id = imageIds.get(image);
  if (!id) {
    id = `${image.split(':')[0]}@sha256:${hexId(64, stringHash(image))}`;
    imageIds.set(image, id);
  }
  return id;
}

function terminated(t: Termination, id: string) {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      startedAt: rfc3339(t.startedAt),
      finishedAt: rfc3339(t.finishedAt),
      containerID: id,
    },
  };
}

function stateJson(state: ContainerState, id: string) {
  switch (state.kind) {
    case 'running':
      return { running: { startedAt: rfc3339(state.startedAt) } };
    case 'waiting':
      return { waiting: { reason: state.reason, ...(state.message ? { message: state.message } : {}) } };
    case 'terminated':
      return terminated(state, id);
  }
}

function containerStatus(layout: ClusterLayout, pod: PodSlot, c: ContainerTemplate, life: ContainerLife, index: number, ready: boolean) {
  const id = containerId(layout, pod, index, life.restarts);
  const created = life.state.kind !== 'waiting' || life.restarts > 0;
  return {
    name: c.name,
    state: stateJson(life.state, id),
    // While waiting to restart, the container that last ran is the current one.
    lastState: life.last
      ? terminated(life.last, life.state.kind === 'waiting' ? id : containerId(layout, pod, index, life.restarts - 1))
      : {},
    ready,
    restartCount: life.restarts,
    image: c.image,
    imageID: created ? imageId(c.image) : '',
    ...(created ? { containerID: id } : {}),
    started: life.state.kind === 'running',
    resources: resourcesOf(c),
  };
}

function condition(type: string, ok: boolean, since: number, reason?: string, message?: string) {
  return {
    type,
    observedGeneration: 1,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: rfc3339(since),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

function conditions(pod: PodSlot, life: PodLife, readyFlags: readonly boolean[]) {
  const unready = pod.workload.containers.filter((_, i) => !readyFlags[i]).map((c) => c.name);
  const allReady = unready.length === 0;
  const done = life.phase === 'Succeeded';
  const lastStart = Math.max(life.initializedAt, ...life.containers.map((c) => (c.state.kind === 'running' ? c.state.startedAt : 0)));
  const lastStop = Math.max(
    life.initializedAt,
    ...life.containers.map((c) => c.last?.finishedAt ?? (c.state.kind === 'terminated' ? c.state.finishedAt : 0)),
  );
  const readyAt = allReady ? lastStart + SECOND : lastStop;
  const why = done ? 'PodCompleted' : 'ContainersNotReady';
  const message = done ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  return [
    condition('PodReadyToStartContainers', life.phase === 'Running', life.phase === 'Pending' ? life.createdAt : life.initializedAt),
    condition('Initialized', true, life.initializedAt),
    allReady ? condition('Ready', true, readyAt) : condition('Ready', false, readyAt, why, message),
    allReady ? condition('ContainersReady', true, readyAt) : condition('ContainersReady', false, readyAt, why, message),
    condition('PodScheduled', true, life.createdAt),
  ];
}

function initStatuses(layout: ClusterLayout, pod: PodSlot, life: PodLife) {
  const init = pod.workload.initContainers ?? [];
  return init.map((c, i) => {
    const ran: ContainerLife = {
      restarts: 0,
      state: {
        kind: 'terminated',
        reason: 'Completed',
        exitCode: 0,
        startedAt: life.createdAt + 2 * SECOND,
        finishedAt: life.initializedAt,
      },
      last: null,
    };
    return containerStatus(layout, pod, c, ran, 100 + i, false);
  });
}

/** Host-network pods share the node's address; the others get one from the node's pod CIDR. */
export function podIP(layout: ClusterLayout, pod: PodSlot): string {
  const node = layout.nodes[pod.node];
  return pod.workload.hostNetwork ? (node?.ip ?? '') : `${node?.podNet}.${pod.position + 2}`;
}

export function podStatus(layout: ClusterLayout, pod: PodSlot, life: PodLife) {
  const hostIP = layout.nodes[pod.node]?.ip ?? '';
  const ip = podIP(layout, pod);
  const readyFlags = life.containers.map((c) => c.state.kind === 'running' && pod.behaviour !== 'crash');
  const init = initStatuses(layout, pod, life);
  return {
    observedGeneration: 1,
    phase: life.phase,
    conditions: conditions(pod, life, readyFlags),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(life.phase === 'Pending' ? {} : { podIP: ip, podIPs: [{ ip }] }),
    startTime: rfc3339(life.createdAt),
    ...(init.length > 0 ? { initContainerStatuses: init } : {}),
    containerStatuses: pod.workload.containers.map((c, i) =>
      containerStatus(
        layout,
        pod,
        c,
        life.containers[i] ?? { restarts: 0, state: { kind: 'waiting', reason: 'ContainerCreating' }, last: null },
        i,
        readyFlags[i] ?? false,
      ),
    ),
    qosClass: qosClass(pod.workload.containers),
  };
}
