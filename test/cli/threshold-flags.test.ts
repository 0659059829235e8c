import { describe, expect, it } from 'vitest';
import { thresholdsFrom } from '../../src/cli/threshold-flags.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';

describe("threshold flags for the kubelet's signals", () => {
  it.each([
    [{ psiWarn: 30 }, { warn: 30, crit: 100 }],
    [{ psiCrit: 60 }, { warn: 60, crit: 60 }],
    [
      { psiWarn: 20, psiCrit: 40 },
      { warn: 20, crit: 40 },
    ],
    [{}, null],
  ])('pressure from %j: %j', (flags, pressure) => {
    expect(thresholdsFrom(flags).pressure).toEqual(pressure);
  });

  it('each pair over the config file, as the others', () => {
    const t = thresholdsFrom({ throttleWarn: 10, ephemeralCrit: 95, inodesWarn: 70, pidsCrit: 99 }, DEFAULT_THRESHOLDS);
    expect(t.throttling).toEqual({ warn: 10, crit: 50 });
    expect(t.ephemeral).toEqual({ warn: 80, crit: 95 });
    expect(t.inodes).toEqual({ warn: 70, crit: 90 });
    expect(t.pids).toEqual({ warn: 80, crit: 99 });
  });

  it('warn above crit is bad input, named', () => {
    expect(() => thresholdsFrom({ throttleWarn: 60 })).toThrow(UsageError);
    expect(() => thresholdsFrom({ throttleWarn: 60 })).toThrow('throttling: warn 60 is above crit 50');
  });
});
