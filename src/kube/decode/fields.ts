import * as z from 'zod/mini';
import { isQuantity } from '../../model/quantity.js';
import { safeText } from '../../model/safe-text.js';
import '../zod-english.js';

/** A string from the cluster, made safe for a terminal as it is read. */
export const text = z.pipe(z.string(), z.transform(safeText));

export const quantity = z.string().check(z.refine(isQuantity, { message: 'not a Kubernetes quantity' }));

export const resourceList = z.record(z.string(), quantity);

export const labels = z.pipe(
  z.nullish(z.record(z.string(), z.string())),
  z.transform((l) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(l ?? {})) out[safeText(k)] = safeText(v);
    return out;
  }),
);

/** RFC 3339 time as epoch ms; null when absent or unreadable rather than failing the object. */
export const time = z.pipe(
  z.nullish(z.string()),
  z.transform((t) => {
    if (!t) return null;
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }),
);

// The kubelet reports uint64 counters; JSON.parse rounds anything past 2^53, and values that large
// are underflows (KEP-2400 shows swapUsageBytes near 2^64), so they are treated as missing.
export const counter = z.pipe(
  z.nullish(z.number()),
  z.transform((n) => (n === null || n === undefined || !Number.isSafeInteger(n) || n < 0 ? null : n)),
);
