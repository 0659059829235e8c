import type { ClusterLayout, PodSlot } from './cluster-layout.js';
import { hash, unit } from './hash.js';
import { randomSuffix, uuid } from './names.js';
import type { PodScenario, Scenarios } from './scenarios.js';

export interface Termination {
  readonly reason: string;
  readonly exitCode: number;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export type ContainerState =
  | { readonly kind: 'running'; readonly startedAt: number }
  | { readonly kind: 'waiting'; readonly reason: string; readonly message?: string }
  | ({ readonly kind: 'terminated' } & Termination);

export interface ContainerLife {
  readonly restarts: number;
  readonly state: ContainerState;
  readonly last: Termination | null;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded';

/** A pod's identity and container states at one moment. */
export interface PodLife {
  readonly name: string;
  readonly createdAt: number;
  readonly phase: PodPhase;
  readonly containers: readonly ContainerLife[];
  /** When init containers finished and the main containers first started. */
  readonly initializedAt: number;
}

const SECOND = 1000;

/** The UID of the pod created at `createdAt` in this slot: each CronJob run is a new pod. */
export function podUid(layout: ClusterLayout, pod: PodSlot, createdAt: number): string {
  return pod.behaviour === 'cron' ? uuid(layout.seed, 10, createdAt) : uuid(layout.seed, 5, pod.slot);
}

function identity(pod: PodSlot): Pick<PodLife, 'name' | 'createdAt' | 'initializedAt'> {
  const initializedAt = pod.createdAt + 2 * SECOND + (pod.workload.initContainers ? 5 * SECOND : 0);
  return { name: pod.name, createdAt: pod.createdAt, initializedAt };
}

// Most containers never restarted; some did once or twice, long ago.
function steadyContainer(layout: ClusterLayout, pod: PodSlot, index: number, startedAt: number): ContainerLife {
  const roll = unit(layout.seed, 6, pod.slot, index);
  if (roll < 0.85) return { restarts: 0, state: { kind: 'running', startedAt }, last: null };
  const restarts = roll < 0.96 ? 1 : 2 + (hash(layout.seed, 7, pod.slot) % 5);
  const restartedAt = startedAt + Math.round(unit(layout.seed, 8, pod.slot, index) * 0.9 * Math.max(0, layout.startedAt - startedAt));
  const exitCode = roll < 0.93 ? 1 : 143;
  return {
    restarts,
    state: { kind: 'running', startedAt: restartedAt },
    last: { reason: 'Error', exitCode, startedAt, finishedAt: Math.max(startedAt, restartedAt - SECOND) },
  };
}

function steady(layout: ClusterLayout, pod: PodSlot): PodLife {
  const id = identity(pod);
  const startedAt = id.initializedAt + SECOND;
  return { ...id, phase: 'Running', containers: pod.workload.containers.map((_, i) => steadyContainer(layout, pod, i, startedAt)) };
}

function leaking(pod: PodSlot, scenario: PodScenario, t: number): PodLife {
  const cycle = scenario.schedule.cycle(t);
  const startedAt = Math.max(pod.createdAt, scenario.schedule.cycleStart(cycle));
  const previous = scenario.schedule.cycleStart(cycle - 1);
  const last = { reason: 'OOMKilled', exitCode: 137, startedAt: previous, finishedAt: startedAt };
  return {
    ...identity(pod),
    phase: 'Running',
    containers: [{ restarts: Math.max(0, 3 + cycle), state: { kind: 'running', startedAt }, last }],
  };
}

function crashing(layout: ClusterLayout, pod: PodSlot, scenario: PodScenario, t: number): PodLife {
  const { schedule } = scenario;
  const cycle = schedule.cycle(t);
  const start = schedule.cycleStart(cycle);
  const crashAfter = schedule.edges[1] ?? 0;
  const id = identity(pod);
  const uid = podUid(layout, pod, id.createdAt);
  const restarts = Math.max(0, 17 + cycle);
  const crashed = (from: number): Termination => ({ reason: 'Error', exitCode: 1, startedAt: from, finishedAt: from + crashAfter });
  const container: ContainerLife =
    schedule.segment(t) === 0
      ? { restarts, state: { kind: 'running', startedAt: start }, last: crashed(schedule.cycleStart(cycle - 1)) }
      : {
          restarts,
          state: {
            kind: 'waiting',
            reason: 'CrashLoopBackOff',
            message: `back-off 5m0s restarting failed container=${pod.workload.containers[0]?.name} pod=${id.name}_${pod.workload.namespace}(${uid})`,
          },
          last: crashed(start),
        };
  return { ...id, phase: 'Running', containers: [container] };
}

function cronRun(layout: ClusterLayout, pod: PodSlot, scenario: PodScenario, t: number): PodLife {
  const { schedule } = scenario;
  const cycle = schedule.cycle(t);
  const start = schedule.cycleStart(cycle);
  const segment = schedule.segment(t);
  const runningAt = start + (schedule.edges[1] ?? 0);
  const doneAt = start + (schedule.edges[2] ?? 0);
  const states: readonly ContainerState[] = [
    { kind: 'waiting', reason: 'ContainerCreating' },
    { kind: 'running', startedAt: runningAt },
    { kind: 'terminated', reason: 'Completed', exitCode: 0, startedAt: runningAt, finishedAt: doneAt },
  ];
  const phases: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded'];
  return {
    name: `${pod.name}${Math.floor(start / 60_000)}-${randomSuffix(5, layout.seed, 9, cycle)}`,
    createdAt: start,
    initializedAt: start,
    phase: phases[segment] ?? 'Running',
    containers: [{ restarts: 0, state: states[segment] ?? { kind: 'running', startedAt: runningAt }, last: null }],
  };
}

/** The pod in a slot at time t: which run of the CronJob, which restart, which state. */
export function podLife(layout: ClusterLayout, scenarios: Scenarios, pod: PodSlot, t: number): PodLife {
  if (scenarios.leak?.slot === pod.slot) return leaking(pod, scenarios.leak, t);
  if (scenarios.crash?.slot === pod.slot) return crashing(layout, pod, scenarios.crash, t);
  if (scenarios.cron?.slot === pod.slot) return cronRun(layout, pod, scenarios.cron, t);
  return steady(layout, pod);
}
