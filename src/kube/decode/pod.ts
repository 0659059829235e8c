import * as z from 'zod';
import { milliValue, unitValue } from '../../model/quantity.js';
import type { ContainerInfo, ContainerState, PodInfo, ResourceAmounts } from '../../model/records.js';
import { labels, resourceList, text, time } from './fields.js';

const amounts = (list: Record<string, string> | undefined): ResourceAmounts => ({
  cpuMilli: list?.cpu === undefined ? null : milliValue(list.cpu),
  memoryBytes: list?.memory === undefined ? null : unitValue(list.memory),
});

const containerSpec = z.object({
  name: text,
  resources: z.object({ requests: resourceList.optional(), limits: resourceList.optional() }).nullish(),
});

const terminated = z.object({ reason: text.optional(), exitCode: z.number().optional(), finishedAt: time });

const containerStatus = z.object({
  name: text,
  ready: z.boolean().optional(),
  restartCount: z.number().optional(),
  state: z
    .object({ running: z.object({}).nullish(), waiting: z.object({ reason: text.optional() }).nullish(), terminated: terminated.nullish() })
    .nullish(),
  lastState: z.object({ terminated: terminated.nullish() }).nullish(),
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

function containers(specs: readonly Spec[] | undefined, statuses: readonly Status[] | null | undefined): ContainerInfo[] {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  return (specs ?? []).map((spec) => {
    const status = byName.get(spec.name);
    const { state, reason, exitCode } = stateOf(status);
    const last = status?.lastState?.terminated;
    return {
      name: spec.name,
      requests: amounts(spec.resources?.requests),
      limits: amounts(spec.resources?.limits),
      ready: status?.ready ?? false,
      restarts: status?.restartCount ?? 0,
      state,
      stateReason: reason,
      exitCode,
      lastTermination: last ? { reason: last.reason ?? '', exitCode: last.exitCode ?? 0, finishedAt: last.finishedAt } : null,
    };
  });
}

/** A core/v1 Pod, reduced to what kmon shows; everything else in the object is dropped here. */
export const podSchema = z
  .object({
    metadata: z.object({
      name: text,
      namespace: text,
      uid: z.string(),
      creationTimestamp: time,
      deletionTimestamp: time,
      labels,
    }),
    spec: z.object({
      nodeName: text.optional(),
      containers: z.array(containerSpec),
      initContainers: z.array(containerSpec).nullish(),
    }),
    status: z
      .object({
        phase: text.optional(),
        reason: text.optional(),
        containerStatuses: z.array(containerStatus).nullish(),
        initContainerStatuses: z.array(containerStatus).nullish(),
      })
      .optional(),
  })
  .transform(
    ({ metadata, spec, status }): PodInfo => ({
      uid: metadata.uid,
      name: metadata.name,
      namespace: metadata.namespace,
      nodeName: spec.nodeName || null,
      phase: status?.phase ?? 'Unknown',
      reason: status?.reason ?? '',
      createdAt: metadata.creationTimestamp ?? Number.NaN,
      deletingSince: metadata.deletionTimestamp,
      labels: metadata.labels,
      initContainers: containers(spec.initContainers ?? [], status?.initContainerStatuses),
      containers: containers(spec.containers, status?.containerStatuses),
    }),
  );
