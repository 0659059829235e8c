import * as z from 'zod/mini';
import type { EvictionLine, EvictionPolicy, EvictionSignal } from '../../model/eviction.js';
import { isQuantity, unitValue } from '../../model/quantity.js';

// The kubelet's running configuration (GET /configz through the node proxy): kmon reads only its
// hard eviction thresholds, e.g. {"memory.available": "100Mi", "nodefs.available": "10%"}.

const SIGNALS: readonly EvictionSignal[] = ['memory.available', 'nodefs.available', 'nodefs.inodesFree', 'imagefs.available'];

/** "10%" or a quantity ("100Mi", "1Gi", "5000"); null for anything else. */
function line(text: string): EvictionLine | null {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (percent) return { percent: Number(percent[1]) };
  return isQuantity(text) ? { amount: unitValue(text) } : null;
}

export const kubeletConfigSchema = z.pipe(
  z.object({ kubeletconfig: z.object({ evictionHard: z.nullish(z.record(z.string(), z.string())) }) }),
  z.transform(({ kubeletconfig }): EvictionPolicy['hard'] => {
    // configz shows the thresholds in force: a signal it leaves out is one the kubelet does not evict on.
    const hard: Partial<Record<EvictionSignal, EvictionLine>> = {};
    for (const signal of SIGNALS) {
      const text = kubeletconfig.evictionHard?.[signal];
      const parsed = text === undefined ? null : line(text);
      if (parsed) hard[signal] = parsed;
    }
    return hard;
  }),
);
