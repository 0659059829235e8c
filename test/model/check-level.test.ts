import { describe, expect, it } from 'vitest';
import { type CheckLevel, worstCheckLevel } from '../../src/model/check-level.js';

// A fleet's kmon check exits with the worst of its clusters' levels, ranked as Nagios aggregators
// rank states: CRITICAL, then UNKNOWN (a cluster that could not be read), then WARNING, then OK.

describe('worstCheckLevel', () => {
  it.each<[CheckLevel[], CheckLevel]>([
    [[], 'ok'],
    [['ok', 'ok'], 'ok'],
    [['ok', 'warn'], 'warn'],
    [['warn', 'unknown', 'ok'], 'unknown'],
    [['unknown', 'crit'], 'crit'],
    [['crit', 'warn', 'unknown'], 'crit'],
    [['unknown'], 'unknown'],
  ])('%j → %s', (levels, worst) => {
    expect(worstCheckLevel(levels)).toBe(worst);
  });
});
