const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest of 1, 2, 2.5 and 5 × 10^k that is at least `value`. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = STEPS.find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

/**
 * Top of a history chart's axis: a little above the peak so the line's shape shows (a node at 20%
 * CPU on a 0–100 axis is a flat line at the bottom), but never above `cap` (100%, or the limit)
 * unless the peak itself is over it.
 */
export function chartTop(peak: number, cap?: number): number {
  const top = niceCeil(peak * 1.25);
  return cap !== undefined && peak <= cap ? Math.min(cap, top) : top;
}

/**
 * Decimals for the labels of an axis from `min` to `max` over `lines` lines: the fewest (up to 3)
 * that tell every line apart, so a chart of 0–1% reads "1.0% 0.8% 0.7% …", not "1% 1% 1% 0%".
 */
export function axisDecimals(min: number, max: number, lines: number): number {
  const steps = Math.max(1, lines - 1);
  for (let decimals = 0; decimals < 3; decimals++) {
    const labels = new Set<string>();
    for (let i = 0; i <= steps; i++) labels.add((max - (i * (max - min)) / steps).toFixed(decimals));
    if (labels.size === steps + 1) return decimals;
  }
  return 3;
}
