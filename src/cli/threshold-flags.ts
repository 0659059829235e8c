import { DEFAULT_THRESHOLDS, type Thresholds, thresholdProblems } from '../model/thresholds.js';
import { UsageError } from './usage-error.js';

export interface ThresholdFlags {
  readonly cpuWarn?: number;
  readonly cpuCrit?: number;
  readonly memWarn?: number;
  readonly memCrit?: number;
  readonly diskWarn?: number;
  readonly diskCrit?: number;
}

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
