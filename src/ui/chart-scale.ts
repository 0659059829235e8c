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
