// Flag and config values. Plain errors: commander-values.ts turns them into commander's kind.

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "5s", "500ms", "2m" or bare seconds ("5"), as a positive number of milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = m ? Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000) : Number.NaN;
  if (!(ms > 0)) throw new Error(`expected a duration like 5s, 500ms or 2m, got "${text}"`);
  return ms;
}

/** A duration of whole seconds, at least one (the simulated metrics-server's scrape period). */
export function parseWholeSeconds(text: string): number {
  const ms = parseDuration(text);
  if (ms < 1000 || ms % 1000 !== 0) throw new Error(`expected whole seconds, at least 1s, got "${text}"`);
  return ms;
}

export function parsePercent(text: string): number {
  const n = Number(text.trim().replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new Error(`expected a percentage ≥ 0, got "${text}"`);
  return n;
}

export function parsePositiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a whole number > 0, got "${text}"`);
  return n;
}
