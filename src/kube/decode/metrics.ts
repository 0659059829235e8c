import * as z from 'zod/mini';
import { nanoToMilli, scaledCeil, unitValue } from '../../model/quantity.js';
import type { NodeUsage, PodUsage } from '../../model/records.js';
import { quantity, text, time } from './fields.js';
import { parseGoDuration } from './go-duration.js';
import { intern } from './intern.js';

// Usage is summed in nanocores and rounded up to millicores once, as kubectl sums exact quantities
// before MilliValue: two containers at 1.5m are 3m, not 4m.
const NANO = 9;

const usage = z.object({ cpu: quantity, memory: quantity });

/** metrics.k8s.io/v1beta1 NodeMetrics. */
export const nodeMetricsSchema = z.pipe(
  z.object({ metadata: z.object({ name: text }), timestamp: time, window: z.optional(z.unknown()), usage }),
  z.transform(({ metadata, timestamp, window, usage: u }): NodeUsage => {
    // Only a hint for the poll cadence: an odd window must not cost the node its figures.
    const windowMs = typeof window === 'string' ? parseGoDuration(window) : null;
    return {
      name: metadata.name,
      cpuMilli: nanoToMilli(scaledCeil(u.cpu, NANO)),
      memoryBytes: unitValue(u.memory),
      timestamp: timestamp ?? Number.NaN,
      ...(windowMs === null ? {} : { windowMs }),
    };
  }),
);

/** metrics.k8s.io/v1beta1 PodMetrics; the API has no pod total, so containers are summed here. */
export const podMetricsSchema = z.pipe(
  z.object({
    metadata: z.object({ name: text, namespace: text }),
    timestamp: time,
    containers: z.array(z.object({ name: text, usage })),
  }),
  z.transform(({ metadata, timestamp, containers }): PodUsage => {
    let nanocores = 0;
    let memoryBytes = 0;
    const perContainer = containers.map((c) => {
      const cpu = scaledCeil(c.usage.cpu, NANO);
      const memory = unitValue(c.usage.memory);
      nanocores += cpu;
      memoryBytes += memory;
      return { name: intern(c.name), cpuMilli: nanoToMilli(cpu), memoryBytes: memory };
    });
    return {
      namespace: intern(metadata.namespace),
      name: metadata.name,
      cpuMilli: nanoToMilli(nanocores),
      memoryBytes,
      timestamp: timestamp ?? Number.NaN,
      containers: perContainer,
    };
  }),
);
