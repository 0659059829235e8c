// Where a figure is heading, as Prometheus's predict_linear sees it: a least-squares line through
// the recent samples rather than the last two points, so one noisy reading does not swing it.

export interface TrendWindow {
  /** Samples this much older than the newest are left out. */
  readonly windowMs: number;
  /** Fewer samples than this say nothing yet. */
  readonly minSamples: number;
  /** Nor do samples closer together in time than this, first to last. */
  readonly minSpanMs: number;
}

/** About the last 10 minutes, at least 4 samples and a minute between the first and the last. */
export const RECENT: TrendWindow = { windowMs: 10 * 60_000, minSamples: 4, minSpanMs: 60_000 };

// A line that explains less of the samples' variation than this is no trend: a figure swinging up
// and down (a garbage collector's sawtooth, log rotation) is not heading anywhere, however steep
// the line through a stretch of it.
const MIN_FIT = 0.8;

export interface Trend {
  /** Change per millisecond. */
  readonly slope: number;
  /** The fitted value at `at`, the newest sample's time. */
  readonly value: number;
  readonly at: number;
  /** Time from the first sample used to the last. */
  readonly spanMs: number;
}

/** The least-squares line through the samples in the window; null when they are too few, too close, or no line. */
export function fitTrend(times: readonly number[], values: readonly number[], window: TrendWindow = RECENT): Trend | null {
  const newest = times.at(-1);
  if (newest === undefined) return null;
  let n = 0;
  let first = newest;
  let sumT = 0;
  let sumV = 0;
  for (let i = 0; i < times.length; i++) {
    const t = (times[i] as number) - newest;
    const v = values[i] as number;
    if (t < -window.windowMs || !Number.isFinite(v)) continue;
    n++;
    first = Math.min(first, newest + t);
    sumT += t;
    sumV += v;
  }
  if (n < window.minSamples || newest - first < window.minSpanMs) return null;
  // Times relative to the newest sample keep the sums small enough for doubles.
  const meanT = sumT / n;
  const meanV = sumV / n;
  let covariance = 0;
  let variance = 0;
  let spread = 0;
  for (let i = 0; i < times.length; i++) {
    const t = (times[i] as number) - newest;
    const v = values[i] as number;
    if (t < -window.windowMs || !Number.isFinite(v)) continue;
    covariance += (t - meanT) * (v - meanV);
    variance += (t - meanT) ** 2;
    spread += (v - meanV) ** 2;
  }
  if (variance === 0) return null;
  // R²: the share of the samples' variation the line explains (a flat series is a flat trend).
  if (spread > 0 && (covariance * covariance) / (variance * spread) < MIN_FIT) return null;
  const slope = covariance / variance;
  return { slope, value: meanV - slope * meanT, at: newest, spanMs: newest - first };
}

/**
 * How long from `now` until the trend reaches `target`: 0 when it is there already, null when it is
 * not heading there (flat or falling).
 */
export function timeToReach(trend: Trend, target: number, now: number): number | null {
  const current = trend.value + trend.slope * (now - trend.at);
  if (current >= target) return 0;
  if (!(trend.slope > 0)) return null;
  return (target - current) / trend.slope;
}
