import * as z from 'zod';
import { milliValue, unitValue } from '../../model/quantity.js';
import type { NodeInfo, NodeResources } from '../../model/records.js';
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

const condition = z.object({
  type: text,
  status: z.enum(['True', 'False', 'Unknown']).catch('Unknown'),
  reason: text.optional().default(''),
  message: text.optional().default(''),
});

/** A core/v1 Node, reduced to what kmon shows. */
export const nodeSchema = z
  .object({
    metadata: z.object({ name: text, uid: z.string(), creationTimestamp: time, labels }),
    spec: z.object({ unschedulable: z.boolean().optional() }).optional(),
    status: z
      .object({
        capacity: resourceList.optional(),
        allocatable: resourceList.optional(),
        conditions: z.array(condition).nullish(),
        nodeInfo: z.object({ kubeletVersion: text.optional() }).optional(),
      })
      .optional(),
  })
  .transform(
    ({ metadata, spec, status }): NodeInfo => ({
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
    }),
  );
