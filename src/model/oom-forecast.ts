import { type FillForecast, type FillTrend, fillTrend, forecastAt } from './fill-forecast.js';
import type { Histories } from './snapshot.js';
import type { FillThreshold } from './thresholds.js';
import { RECENT, type TrendWindow } from './trend.js';

const MEMORY_SERIES = 1;
// Below half its limit a pod would need to double its memory within the hour to be at risk; the
// trend is worked out only above it, which at 150,000 pods spares most of them.
export const OOM_WATCH_PERCENT = 50;
// A working set breathes with its garbage collector: three minutes of samples at least before a
// climb is called a climb.
const OOM_WINDOW: TrendWindow = { ...RECENT, minSpanMs: 3 * 60_000 };

// A trend changes only with a new sample, which comes with new pod usage (`scrape`, the object
// that holds the figures: a new one each time metrics-server's figures change). Samples merged
// under the live ones (Prometheus, a saved history) change it too: the store's revision.
const trends = new WeakMap<object, Map<string, { limit: number; revision: number; trend: FillTrend }>>();

/** A pod's working set as last measured, and what holds that measurement. */
export interface PodMemory {
  readonly bytes: number;
  readonly scrape: object;
}

/**
 * When the pod's working set, on its recent trend, reaches its memory limit and the kernel
 * OOM-kills it; null without a limit, below the watch line, or without usage.
 */
export function oomForecast(
  history: Histories,
  asOfTick: number,
  uid: string,
  memory: PodMemory | null,
  limit: number | null,
  fill: FillThreshold,
  now: number,
): FillForecast | null {
  if (!memory || limit === null || !(limit > 0)) return null;
  const percent = (memory.bytes / limit) * 100;
  if (percent < OOM_WATCH_PERCENT) return null;
  const store = history.podUsage;
  let ofScrape = trends.get(memory.scrape);
  if (!ofScrape) {
    ofScrape = new Map();
    trends.set(memory.scrape, ofScrape);
  }
  let known = ofScrape.get(uid);
  if (!known || known.limit !== limit || known.revision !== store.revision) {
    const series = {
      resource: 'memory' as const,
      percents: store.read(uid, MEMORY_SERIES, store.depth, asOfTick).map((b) => (b / limit) * 100),
      times: store.readTimes(uid, store.depth, asOfTick),
      percent,
      capacity: limit,
      eviction: undefined,
    };
    known = { limit, revision: store.revision, trend: fillTrend(series, OOM_WINDOW) };
    ofScrape.set(uid, known);
  }
  return forecastAt(known.trend, now, fill);
}
