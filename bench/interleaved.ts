import { median } from './median.js';
import { type Contender, runTimed, type Sample } from './timed-run.js';

export interface Summary {
  readonly name: string;
  readonly ms: number;
  readonly rssMiB: number | null;
}

/** Runs every contender in turn, round after round, so a slow moment of the machine falls on all alike. */
export async function interleaved(contenders: readonly Contender[], warmups: number, runs: number): Promise<Summary[]> {
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < warmups + runs; round++) {
    for (const contender of contenders) {
      const sample = await runTimed(contender);
      if (round >= warmups) samples.get(contender.name)?.push(sample);
    }
  }
  return contenders.map((c) => {
    const taken = samples.get(c.name) ?? [];
    const rss = taken.flatMap((s) => (s.rssMiB === null ? [] : [s.rssMiB]));
    return { name: c.name, ms: median(taken.map((s) => s.ms)), rssMiB: rss.length ? median(rss) : null };
  });
}
