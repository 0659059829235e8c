// Go's time.Duration as metav1.Duration writes it ("30s", "1m0s", "20.064s", "1h2m", "500ms").
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/y;

/** Milliseconds, or null for anything that is not a non-negative Go duration. */
export function parseGoDuration(text: string): number | null {
  if (text === '0') return 0;
  PART.lastIndex = 0;
  let total = 0;
  let read = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    read = PART.lastIndex;
  }
  return read > 0 && read === text.length && Number.isFinite(total) ? total : null;
}
