import { type EvictionLine, evictionPercent } from './eviction.js';
import { formatBytes } from './format-units.js';
import type { Level } from './levels.js';
import { type FillThreshold, fillLevel } from './thresholds.js';
import { formatTimeLeft } from './time-left.js';
import { fitTrend, RECENT, type Trend, type TrendWindow, timeToReach } from './trend.js';

/** What fills up: the node filesystem, the image filesystem, the node fs inodes, memory. */
export type FillResource = 'node fs' | 'image fs' | 'inodes' | 'memory';

/** One resource of a node: how full it is, how fast it fills, and when it is full or evicting. */
export interface FillForecast {
  readonly resource: FillResource;
  /** Used now, percent of capacity. */
  readonly percent: number;
  /** In bytes, or a count for inodes. */
  readonly capacity: number;
  /** Used percent at which the kubelet evicts; null when it has no threshold for it. */
  readonly evictionAt: number | null;
  /** Growth per minute in the resource's unit; null until there is a trend. */
  readonly perMinute: number | null;
  /** Time from now until 100%, and until the eviction line; null when not heading there. */
  readonly fullInMs: number | null;
  readonly evictionInMs: number | null;
  /** From fullInMs against the fill thresholds. */
  readonly level: Level;
}

export interface FillSeries {
  readonly resource: FillResource;
  /** Used percent per sample, oldest first, and the samples' times. */
  readonly percents: readonly number[];
  readonly times: readonly number[];
  /** The figure now (the newest reading), percent. */
  readonly percent: number;
  readonly capacity: number;
  readonly eviction: EvictionLine | undefined;
}

/** A resource's figures and recent trend: all a forecast needs but the time it is asked at. */
export interface FillTrend {
  readonly resource: FillResource;
  readonly percent: number;
  readonly capacity: number;
  readonly evictionAt: number | null;
  readonly trend: Trend | null;
}

export function fillTrend(series: FillSeries, window: TrendWindow = RECENT): FillTrend {
  const { resource, percent, capacity } = series;
  const trend = fitTrend(series.times, series.percents, window);
  return { resource, percent, capacity, evictionAt: evictionPercent(series.eviction, capacity), trend };
}

// A line through a minute or two of samples says little about hours ahead: a projection reaches at
// most this many times the span it was measured over (an hour from 100 s, 6 hours from 10 minutes),
// so a disk wobbling around half full is not called full within the hour.
const REACH = 36;

function reach(trend: Trend, target: number, now: number): number | null {
  const ms = timeToReach(trend, target, now);
  return ms !== null && ms <= REACH * trend.spanMs ? ms : null;
}

/** The forecast as of `now`: time to full and to the eviction line, and its level. */
export function forecastAt(t: FillTrend, now: number, fill: FillThreshold): FillForecast {
  const { trend, evictionAt } = t;
  const fullInMs = trend ? reach(trend, 100, now) : null;
  return {
    resource: t.resource,
    percent: t.percent,
    capacity: t.capacity,
    evictionAt,
    perMinute: trend ? (trend.slope * 60_000 * t.capacity) / 100 : null,
    fullInMs,
    evictionInMs: trend && evictionAt !== null ? reach(trend, evictionAt, now) : null,
    level: fillLevel(fullInMs, fill),
  };
}

/** The forecast of one resource from its recent history. */
export function fillForecast(series: FillSeries, now: number, fill: FillThreshold, window: TrendWindow = RECENT): FillForecast {
  return forecastAt(fillTrend(series, window), now, fill);
}

/** Filling up within a day: the horizon past which a projection is more guess than warning. */
export const FULL_HORIZON_MS = 24 * 3_600_000;

/** The forecast that reaches full soonest within the horizon, if any does. */
export function soonestFull(forecasts: readonly FillForecast[]): FillForecast | null {
  let soonest: FillForecast | null = null;
  for (const f of forecasts) {
    if (f.fullInMs === null || f.fullInMs > FULL_HORIZON_MS) continue;
    if (!soonest || f.fullInMs < (soonest.fullInMs as number)) soonest = f;
  }
  return soonest;
}

/** "+1.2 GiB/min", "+340 inodes/min": how fast the resource fills. */
export function rateText(f: FillForecast): string {
  if (f.perMinute === null) return '';
  const sign = f.perMinute < 0 ? '-' : '+';
  const size = Math.abs(f.perMinute);
  if (f.resource === 'inodes') return `${sign}${size < 10 ? size.toFixed(1) : Math.round(size)} inodes/min`;
  return `${sign}${formatBytes(size).replace(/([KMGTPE]i)?$/, (unit) => ` ${unit}B`)}/min`;
}

/** "node fs full in 43m (+1.2 GiB/min)", or "node fs full now". */
export function fullText(f: FillForecast): string {
  if (f.fullInMs === null) return `${f.resource} not filling`;
  const when = f.fullInMs === 0 ? 'now' : `in ${formatTimeLeft(f.fullInMs)}`;
  return `${f.resource} full ${when}${f.perMinute === null ? '' : ` (${rateText(f)})`}`;
}
