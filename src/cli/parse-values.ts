// Flag and config values. Plain errors: commander-values.ts turns them into commander's kind.

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * "5s", "500ms", "2m" or "1h", as a positive number of milliseconds. Only what the error promises:
 * a bare "5" is refused (seconds? minutes?), as Go's durations refuse it for kubectl's flags.
 */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (m && Number(m[1]) === 0) throw new Error(`must be more than 0, got "${text}"`);
  const unit = m?.[2];
  if (!m || !unit) throw new Error(`expected a duration like 5s, 500ms or 2m, got "${text}"`);
  return Number(m[1]) * (UNIT_MS[unit] ?? 1000);
}

/** A duration of whole seconds, at least one (the simulated metrics-server's scrape period). */
export function parseWholeSeconds(text: string): number {
  const ms = parseDuration(text);
  if (ms < 1000 || ms % 1000 !== 0) throw new Error(`expected whole seconds, at least 1s, got "${text}"`);
  return ms;
}

/** "80", "80%" or "92.5": decimal digits only, so "0x50" or "1e2" is a mistake, not 80 or 100. */
export function parsePercent(text: string): number {
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  if (!m) throw new Error(`expected a percentage ≥ 0, got "${text}"`);
  return Number(m[1]);
}

export function parsePositiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a whole number > 0, got "${text}"`);
  return n;
}

const SIZE_UNIT: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** "100MB", "1.5GiB" or "500KB": a positive number of bytes, with its unit. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  const unit = SIZE_UNIT[m?.[2]?.toLowerCase() ?? ''];
  if (!m || unit === undefined) throw new Error(`expected a size like 100MB or 1GiB, got "${text}"`);
  if (Number(m[1]) === 0) throw new Error(`must be more than 0, got "${text}"`);
  return Math.round(Number(m[1]) * unit);
}
