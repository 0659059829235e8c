import { DEFAULT_THRESHOLDS, type Thresholds, thresholdProblems } from '../model/thresholds.js';
import type { FlagValues, THRESHOLD_FLAGS } from './flag-table.js';
import { UsageError } from './usage-error.js';

/** The config file and threshold flags as read from the command line (flag-table.ts). */
export type ThresholdFlags = FlagValues<typeof THRESHOLD_FLAGS>;

/** Flags over `base` (the config file's thresholds or the defaults), checked as a whole. */
export function thresholdsFrom(flags: ThresholdFlags, base: Thresholds = DEFAULT_THRESHOLDS): Thresholds {
  const thresholds: Thresholds = {
    cpu: { ...base.cpu, warn: flags.cpuWarn ?? base.cpu.warn, crit: flags.cpuCrit ?? base.cpu.crit },
    memory: { ...base.memory, warn: flags.memWarn ?? base.memory.warn, crit: flags.memCrit ?? base.memory.crit },
    disk: { ...base.disk, warn: flags.diskWarn ?? base.disk.warn, crit: flags.diskCrit ?? base.disk.crit },
    fill: base.fill,
  };
  const problems = thresholdProblems(thresholds);
  if (problems.length) throw new UsageError(`thresholds: ${problems.join('; ')}`);
  return thresholds;
}
