import * as z from 'zod/mini';
import { milliValue, unitValue } from '../../model/quantity.js';
import type { NodeCondition, NodeInfo, NodeResources } from '../../model/records.js';
import { labels, resourceList, text, time } from './fields.js';

function resources(list: Record<string, string> | undefined): NodeResources {
  const get = (name: string, parse: (q: string) => number): number | null => {
    const q = list?.[name];
    return q === undefined ? null : parse(q);
  };
  return {
    cpuMilli: get('cpu', milliValue) ?? 0,
    memoryBytes: get('memory', unitValue) ?? 0,
    pods: get('pods', unitValue) ?? 0,
    ephemeralBytes: get('ephemeral-storage', unitValue),
  };
}

const condition = z.pipe(
  z.object({
    type: text,
    status: z.catch(z.enum(['True', 'False', 'Unknown']), 'Unknown'),
    reason: z._default(z.optional(text), ''),
    message: z._default(z.optional(text), ''),
    lastTransitionTime: time,
  }),
  // An alert on a condition dates from its last transition, which may be long before kmon started.
  z.transform(({ lastTransitionTime, ...c }): NodeCondition => (lastTransitionTime === null ? c : { ...c, since: lastTransitionTime })),
);

/** A core/v1 Node, reduced to what kmon shows. */
export const nodeSchema = z.pipe(
  z.object({
    metadata: z.object({ name: text, uid: z.string(), creationTimestamp: time, labels }),
    spec: z.optional(z.object({ unschedulable: z.optional(z.boolean()) })),
    status: z.optional(
      z.object({
        capacity: z.optional(resourceList),
        allocatable: z.optional(resourceList),
        conditions: z.nullish(z.array(condition)),
        nodeInfo: z.optional(z.object({ kubeletVersion: z.optional(text) })),
        addresses: z.nullish(z.array(z.object({ type: z.string(), address: text }))),
      }),
    ),
  }),
  z.transform(({ metadata, spec, status }): NodeInfo => {
    const internalIP = status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    return {
      uid: metadata.uid,
      name: metadata.name,
      createdAt: metadata.creationTimestamp ?? Number.NaN,
      labels: metadata.labels,
      unschedulable: spec?.unschedulable ?? false,
      conditions: status?.conditions ?? [],
      // A node without allocatable (rare, mid-registration) is measured against its capacity.
      allocatable: resources(status?.allocatable ?? status?.capacity),
      capacity: resources(status?.capacity),
      kubeletVersion: status?.nodeInfo?.kubeletVersion ?? '',
      ...(internalIP ? { internalIP } : {}),
    };
  }),
);
