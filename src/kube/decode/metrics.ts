import * as z from 'zod/mini';
import { nanoToMilli, scaledCeil, unitValue } from '../../model/quantity.js';
import type { NodeUsage } from '../../model/records.js';
import { quantity, text, time } from './fields.js';
import { parseGoDuration } from './go-duration.js';

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
