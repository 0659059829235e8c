import { describe, expect, it } from 'vitest';
import { PodStatsIndex } from '../../src/model/pod-stats-index.js';
import { summaryRates } from '../../src/model/summary-rates.js';
import { nodeSummary } from '../helpers/records.js';

const T0 = 1_750_000_000_000;
const counters = (rxBytes: number, time: number) => ({ rxBytes, txBytes: rxBytes / 2, rxErrors: 0, txErrors: 0, time });
const summaryAt = (rxBytes: number, time: number) =>
  nodeSummary('n1', {
    network: counters(rxBytes, time),
    podStats: PodStatsIndex.of(
      [{ namespace: 'shop', name: 'web-1', ephemeral: null, network: counters(rxBytes / 4, time), pressure: null }],
      time,
    ),
  });

describe('network rates between two kubelet summaries', () => {
  it('are the counters’ growth over the kubelet’s own time between its samples', () => {
    const first = { summary: summaryAt(1_000_000, T0), fetchedAt: T0 + 300 };
    const rates = summaryRates(first, summaryAt(1_100_000, T0 + 10_000), T0 + 5_000);
    expect(rates.node?.rxBytesPerSecond).toBe(10_000);
    expect(rates.pods.get('shop/web-1')?.rxBytesPerSecond).toBe(2_500);
  });

  it('stay as they were when a read finds the kubelet’s same sample again (it refreshes every 10–15 s)', () => {
    const first = { summary: summaryAt(1_000_000, T0), fetchedAt: T0 };
    const second = summaryAt(1_100_000, T0 + 10_000);
    const rates = summaryRates(first, second, T0 + 10_500);
    const again = summaryRates({ summary: second, fetchedAt: T0 + 10_500, rates }, summaryAt(1_100_000, T0 + 10_000), T0 + 15_500);
    expect(again.node?.rxBytesPerSecond).toBe(10_000);
    expect(again.pods.get('shop/web-1')?.rxBytesPerSecond).toBe(2_500);
  });

  it('are unknown for the first summary, and for counters that went back (an interface recreated)', () => {
    expect(summaryRates(null, summaryAt(1_000, T0), T0).node).toBeNull();
    const first = { summary: summaryAt(1_000_000, T0), fetchedAt: T0 };
    expect(summaryRates(first, summaryAt(10, T0 + 10_000), T0 + 10_000).node).toBeNull();
  });
});
