import { describe, expect, it } from 'vitest';
import { nodeMetricsSchema } from '../../../src/kube/decode/metrics.js';

const TS = '2026-06-26T10:14:35Z';
const nodeMetrics = (cpu: string, memory: string) => ({
  metadata: { name: 'node-1', creationTimestamp: TS },
  timestamp: TS,
  window: '20.064s',
  usage: { cpu, memory },
});
describe('nodeMetricsSchema', () => {
  it.each([
    // the documented NodeMetrics example values: 487.558164m → 488m, 732212Ki = 749785088 bytes
    ['487558164n', '732212Ki', 488, 732_212 * 1024],
    ['172669853n', '2178652Ki', 173, 2_178_652 * 1024],
    ['250m', '1Gi', 250, 1024 ** 3],
    ['2', '1000', 2000, 1000],
    ['0', '0', 0, 0],
  ])('cpu %s memory %s → %dm, %d bytes', (cpu, memory, cpuMilli, memoryBytes) => {
    expect(nodeMetricsSchema.parse(nodeMetrics(cpu, memory))).toEqual({
      name: 'node-1',
      cpuMilli,
      memoryBytes,
      timestamp: Date.parse(TS),
      windowMs: 20_064,
    });
  });

  it.each([
    ['30s', 30_000],
    ['1m0s', 60_000],
    ['1h2m3.5s', 3_723_500],
    ['500ms', 500],
    ['0', 0],
    ['15', undefined],
    ['soon', undefined],
    ['-5s', undefined],
    [15, undefined],
    [null, undefined],
  ])('window %s is %s ms (Go duration; anything else is left out, not an error)', (window, windowMs) => {
    expect(nodeMetricsSchema.parse({ ...nodeMetrics('1m', '1Ki'), window }).windowMs).toBe(windowMs);
  });

  it('a missing timestamp is NaN, so no history sample is taken from it', () => {
    const { timestamp: _, ...raw } = nodeMetrics('1m', '1Ki');
    expect(Number.isNaN(nodeMetricsSchema.parse(raw).timestamp)).toBe(true);
  });
});
