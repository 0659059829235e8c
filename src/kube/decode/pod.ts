import * as z from 'zod/mini';
import { milliValue, unitValue } from '../../model/quantity.js';
import type { ContainerInfo, ContainerState, PodInfo, ResourceAmounts } from '../../model/records.js';
import { resourceList, text, time } from './fields.js';
import { intern, internList } from './intern.js';

// Most containers set no requests or no limits: one shared value instead of one object per pod.
const NO_AMOUNTS: ResourceAmounts = Object.freeze({ cpuMilli: null, memoryBytes: null });

function amounts(list: Record<string, string> | undefined): ResourceAmounts {
  const ephemeral = list?.['ephemeral-storage'];
  if (list?.cpu === undefined && list?.memory === undefined && ephemeral === undefined) return NO_AMOUNTS;
  return {
    cpuMilli: list?.cpu === undefined ? null : milliValue(list.cpu),
    memoryBytes: list?.memory === undefined ? null : unitValue(list.memory),
    ...(ephemeral === undefined ? {} : { ephemeralBytes: unitValue(ephemeral) }),
  };
}

const containerSpec = z.object({
  name: text,
  resources: z.nullish(z.object({ requests: z.optional(resourceList), limits: z.optional(resourceList) })),
});

const terminated = z.object({ reason: z.optional(text), exitCode: z.optional(z.number()), finishedAt: time });

const containerStatus = z.object({
  name: text,
  ready: z.optional(z.boolean()),
  restartCount: z.optional(z.number()),
  state: z.nullish(
    z.object({
      running: z.nullish(z.object({})),
      waiting: z.nullish(z.object({ reason: z.optional(text) })),
      terminated: z.nullish(terminated),
    }),
  ),
  lastState: z.nullish(z.object({ terminated: z.nullish(terminated) })),
});

type Spec = z.infer<typeof containerSpec>;
type Status = z.infer<typeof containerStatus>;

function stateOf(status: Status | undefined): { state: ContainerState; reason: string; exitCode: number | null } {
  const s = status?.state;
  if (s?.running) return { state: 'running', reason: '', exitCode: null };
  if (s?.terminated) return { state: 'terminated', reason: s.terminated.reason ?? '', exitCode: s.terminated.exitCode ?? null };
  if (s?.waiting) return { state: 'waiting', reason: s.waiting.reason ?? '', exitCode: null };
  return { state: 'unknown', reason: '', exitCode: null };
}

function containers(specs: readonly Spec[] | undefined, statuses: readonly Status[] | null | undefined): readonly ContainerInfo[] {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  const list = (specs ?? []).map((spec): ContainerInfo => {
    const status = byName.get(spec.name);
    const { state, reason, exitCode } = stateOf(status);
    const last = status?.lastState?.terminated;
    return {
      name: intern(spec.name),
      requests: amounts(spec.resources?.requests),
      limits: amounts(spec.resources?.limits),
      ready: status?.ready ?? false,
      restarts: status?.restartCount ?? 0,
      state,
      stateReason: reason && intern(reason),
      exitCode,
      lastTermination: last ? { reason: intern(last.reason ?? ''), exitCode: last.exitCode ?? 0, finishedAt: last.finishedAt } : null,
    };
  });
  return internList(list);
}

/** A core/v1 Pod, reduced to what kmon shows; everything else in the object is dropped here. */
export const podSchema = z.pipe(
  z.object({
    metadata: z.object({
      name: text,
      namespace: text,
      uid: z.string(),
      creationTimestamp: time,
      deletionTimestamp: time,
    }),
    spec: z.object({
      nodeName: z.optional(text),
      containers: z.array(containerSpec),
      initContainers: z.nullish(z.array(containerSpec)),
    }),
    status: z.optional(
      z.object({
        phase: z.optional(text),
        reason: z.optional(text),
        containerStatuses: z.nullish(z.array(containerStatus)),
        initContainerStatuses: z.nullish(z.array(containerStatus)),
      }),
    ),
  }),
  z.transform(
    ({ metadata, spec, status }): PodInfo => ({
      uid: metadata.uid,
      name: metadata.name,
      namespace: intern(metadata.namespace),
      nodeName: spec.nodeName ? intern(spec.nodeName) : null,
      phase: intern(status?.phase ?? 'Unknown'),
      reason: status?.reason ? intern(status.reason) : '',
      createdAt: metadata.creationTimestamp ?? Number.NaN,
      deletingSince: metadata.deletionTimestamp,
      initContainers: containers(spec.initContainers ?? [], status?.initContainerStatuses),
      containers: containers(spec.containers, status?.containerStatuses),
    }),
  ),
);
