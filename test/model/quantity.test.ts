import { describe, expect, it } from 'vitest';
import { isQuantity, milliValue, nanoToMilli, QuantityError, unitValue } from '../../src/model/quantity.js';
import { describeWithFixtures, FIXTURE, fixture, fixtureItems } from '../helpers/fixtures.js';

// Expected values worked out by hand: milliValue = ceil(q × 1000) and unitValue = ceil(q), exactly as
// apimachinery's MilliValue()/Value(); binary suffixes are powers of 1024, decimal ones powers of 10.
describe('milliValue and unitValue', () => {
  it.each([
    // metrics-server CPU in nanocores: 172.669853m rounds up to 173m, a whole core count up to 1
    ['172669853n', 173, 1],
    ['487558164n', 488, 1],
    ['1n', 1, 1],
    ['1500000n', 2, 1],
    ['999999n', 1, 1],
    ['1000000n', 1, 1],
    ['1000001n', 2, 1],
    ['1u', 1, 1],
    // pod spec CPU: exact, never 251m from float error
    ['250m', 250, 1],
    ['5m', 5, 1],
    ['100m', 100, 1],
    // whole cores and decimals
    ['1', 1000, 1],
    ['14', 14_000, 14],
    ['0.5', 500, 1],
    ['+1', 1000, 1],
    ['.5', 500, 1],
    ['0.1', 100, 1],
    ['0', 0, 0],
    ['110', 110_000, 110],
    // memory and storage in Ki/Mi/Gi
    ['2178652Ki', 2178652 * 1024 * 1000, 2178652 * 1024],
    ['8024304Ki', 8024304 * 1024 * 1000, 8024304 * 1024],
    ['954976684Ki', 954976684 * 1024 * 1000, 954976684 * 1024],
    ['1Gi', 1024 ** 3 * 1000, 1024 ** 3],
    ['1.5Gi', 1.5 * 1024 ** 3 * 1000, 1.5 * 1024 ** 3],
    ['15Mi', 15 * 1024 ** 2 * 1000, 15 * 1024 ** 2],
    ['170Mi', 170 * 1024 ** 2 * 1000, 170 * 1024 ** 2],
    // decimal mega, as in the fixture's "5M" memory limit
    ['5M', 5e6 * 1000, 5e6],
    ['12M', 12e6 * 1000, 12e6],
    ['1k', 1e6, 1000],
    // decimal exponents a human wrote in a spec; "1E" is the exa suffix, not an exponent
    ['1e3', 1e6, 1000],
    ['129e6', 129e9, 129e6],
    ['1E', 1e21, 1e18],
    ['2e-3', 2, 1],
  ])('%s → %d milli, %d units', (text, milli, unit) => {
    expect(milliValue(text)).toBe(milli);
    expect(unitValue(text)).toBe(unit);
  });

  it('keeps the sign of a negative quantity', () => {
    expect(milliValue('-250m')).toBe(-250);
    expect(milliValue('-2Ki')).toBe(-2048 * 1000);
  });
});

describe('invalid quantities', () => {
  it.each(['1e', 'abc', '1.2.3', 'Ki', '', '1 Gi', ' 1', '1Gi ', '1KiB', '1ki', '--1', '.', 'e3', '1m5'])(
    '%j throws QuantityError',
    (text) => {
      expect(isQuantity(text)).toBe(false);
      expect(() => milliValue(text)).toThrow(QuantityError);
      expect(() => unitValue(text)).toThrow(QuantityError);
    },
  );

  it('names the bad text in the message', () => {
    expect(() => unitValue('1 Gi')).toThrow('invalid quantity "1 Gi"');
  });
});

describe('nanoToMilli', () => {
  it.each([
    [0, 0],
    [1, 1],
    [999_999, 1],
    [1_000_000, 1],
    [1_000_001, 2],
    [1_500_000, 2],
    [3_000_000, 3],
    // the v1.35 Summary fixture's node CPU: 573.081903m → 574m
    [573_081_903, 574],
  ])('%d nanocores → %d millicores (rounded up)', (nano, milli) => {
    expect(nanoToMilli(nano)).toBe(milli);
  });
});

// Every resource figure the real node and pod lists carry must be accepted.
function quantityStrings(items: readonly unknown[]): string[] {
  const keys = new Set(['capacity', 'allocatable', 'requests', 'limits', 'allocatedResources']);
  const found: string[] = [];
  const walk = (value: unknown, underResources: boolean): void => {
    if (Array.isArray(value)) for (const v of value) walk(v, false);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (underResources && typeof v === 'string') found.push(v);
        else walk(v, keys.has(k));
      }
    }
  };
  walk(items, false);
  return found;
}

describeWithFixtures('quantities in the real fixtures', () => {
  it.each([FIXTURE.nodes, FIXTURE.pods, FIXTURE.kubeletPods])('%s: every capacity/allocatable/request/limit parses', (name) => {
    const strings = quantityStrings(fixtureItems(name));
    expect(strings.length).toBeGreaterThan(5);
    expect(strings.filter((s) => !isQuantity(s))).toEqual([]);
    for (const s of strings) expect(Number.isFinite(milliValue(s))).toBe(true);
  });

  it("node ephemeral-storage capacity (Ki) equals the kubelet's fs capacityBytes for the same node", () => {
    const node = fixtureItems(FIXTURE.nodes)[0] as { status: { capacity: Record<string, string> } };
    const summary = fixture<{ node: { fs: { capacityBytes: number } } }>(FIXTURE.summary135);
    expect(unitValue(node.status.capacity['ephemeral-storage'] ?? '')).toBe(summary.node.fs.capacityBytes);
  });
});
