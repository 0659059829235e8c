import * as z from 'zod/mini';
import type { Pressure, Stall } from '../../model/pressure.js';

// The `psi` block the kubelet adds from 1.34 to each cpu, memory and io stat (node, pods and
// containers): {some, full} × {total, avg10, avg60, avg300}. Averages are percentages; a block with
// anything else in it is not trusted, and reads as not reported.

const percent = z.number().check(z.gte(0), z.lte(100));
const averages = z.object({ avg10: percent, avg60: percent, avg300: percent });

export const psi = z.pipe(
  z.catch(z.nullish(z.object({ some: averages, full: z.catch(z.nullish(averages), null) })), null),
  z.transform((block): Stall | null => {
    if (!block) return null;
    const { avg10, avg60, avg300 } = block.some;
    return { some: { avg10, avg60, avg300 }, full: block.full ? { ...block.full } : null };
  }),
);

/** The three stalls as one record; null when none was reported (a kubelet without PSI). */
export function pressureOf(cpu: Stall | null | undefined, memory: Stall | null | undefined, io: Stall | null | undefined): Pressure | null {
  if (!cpu && !memory && !io) return null;
  return { cpu: cpu ?? null, memory: memory ?? null, io: io ?? null };
}
