import { describe, expect, it } from 'vitest';
import { MetricsCadence } from '../../src/collect/metrics-cadence.js';
import { UsageSource } from '../../src/collect/usage-source.js';
import { FakeClusterReader } from '../helpers/fake-cluster-reader.js';
import { podUsage } from '../helpers/records.js';

describe('MetricsCadence', () => {
  it('is due until it has seen the source move on twice', () => {
    const cadence = new MetricsCadence();
    expect(cadence.due(0, 5000)).toBe(true);
    cadence.observe(100, 0);
    expect(cadence.due(5000, 5000)).toBe(true);
  });

  it('learns the scrape period by our clock and waits for it, less half a poll', () => {
    const cadence = new MetricsCadence();
    cadence.observe(1_000, 0);
    cadence.observe(1_000, 5_000); // same sample: metrics-server has not scraped again
    cadence.observe(16_000, 15_000); // new sample 15 s after the first was seen
    expect(cadence.due(20_000, 5000)).toBe(false);
    expect(cadence.due(25_000, 5000)).toBe(false);
    expect(cadence.due(27_500, 5000)).toBe(true);
  });

  it('until it has learnt the period, waits for the scrape window metrics-server reports, less half a poll', () => {
    const cadence = new MetricsCadence();
    cadence.observe(1_000, 0, 15_000);
    expect(cadence.due(5_000, 5000)).toBe(false);
    expect(cadence.due(12_500, 5000)).toBe(true);
    // Nothing newer by then: every poll is due again until something is.
    cadence.observe(1_000, 12_500, 15_000);
    expect(cadence.due(17_500, 5000)).toBe(true);
  });

  it('never waits longer than the scrape window metrics-server reports, though polls saw a longer gap', () => {
    const cadence = new MetricsCadence();
    // Scrapes every 15 s, always found a poll late: the gaps seen are 20 s.
    cadence.observe(1, 0, 15_000);
    cadence.observe(2, 20_000, 15_000);
    cadence.observe(3, 40_000, 15_000);
    expect(cadence.due(40_000 + 12_500, 5000)).toBe(true);
  });

  it('keeps the shortest period seen, so a late scrape never makes it wait longer than needed', () => {
    const cadence = new MetricsCadence();
    cadence.observe(1, 0);
    cadence.observe(2, 30_000);
    cadence.observe(3, 45_000);
    expect(cadence.due(45_000 + 12_500, 5000)).toBe(true);
  });
});

describe('UsageSource with a poll interval', () => {
  it('skips fetches that could not find newer samples, and fetches again when the next scrape is due', async () => {
    const reader = new FakeClusterReader();
    // metrics-server's samples move on every 15 s: 0, 15 000, 30 000…
    let clock = 0;
    reader.podUsage = () => [podUsage('shop', 'web-1', 5, 50, Math.floor(clock / 15_000) * 15_000)];
    const source = new UsageSource({ reader, namespace: null, summaries: null, intervalMs: 5000 });
    const polls: number[] = [];
    for (clock = 0; clock <= 60_000; clock += 5000) {
      const before = reader.calls.podMetrics.length;
      const reading = await source.read(clock);
      if (reader.calls.podMetrics.length > before) polls.push(clock);
      // A skipped poll keeps the time of the last real read, so an outage would still show as stale.
      expect(reading.at).toBe(polls.at(-1));
    }
    // Every poll until the period is known (two fresh samples), then about one fetch per scrape.
    expect(polls.slice(0, 4)).toEqual([0, 5000, 10_000, 15_000]);
    expect(polls.length).toBeLessThanOrEqual(8);
    expect(polls).toContain(30_000);
    expect(polls).toContain(45_000);
    expect(polls).toContain(60_000);
  });

  it('with the scrape window known from the first answer, skips the polls in between from the start', async () => {
    const reader = new FakeClusterReader();
    let clock = 0;
    const scrape = () => Math.floor(clock / 15_000) * 15_000;
    reader.nodeUsage = () => [{ name: 'n1', cpuMilli: 5, memoryBytes: 50, timestamp: scrape(), windowMs: 15_000 }];
    reader.podUsage = () => [podUsage('shop', 'web-1', 5, 50, scrape())];
    const source = new UsageSource({ reader, namespace: null, summaries: null, intervalMs: 5000 });
    const polls: number[] = [];
    for (clock = 0; clock <= 60_000; clock += 5000) {
      const before = reader.calls.podMetrics.length;
      await source.read(clock);
      if (reader.calls.podMetrics.length > before) polls.push(clock);
    }
    expect(polls).toEqual([0, 15_000, 30_000, 45_000, 60_000]);
  });
});
