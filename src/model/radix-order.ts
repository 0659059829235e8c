// Sorting 150,000 pods by a figure with a comparator takes 100–200 ms, which a keypress or a new
// snapshot would wait for. A least-significant-digit radix sort over the numbers' IEEE 754 bits
// does it in linear time (about 10 ms) and is stable, so ties keep the order they came in.

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const SIGN = 0x80000000;

const scratch = new DataView(new ArrayBuffer(8));

/**
 * Writes into hi/lo at `at` a 64-bit key whose unsigned order is the number's order (or its
 * reverse); NaN (an unknown figure) gets the largest key, so it sorts last either way.
 */
function writeKey(value: number, descending: boolean, hi: Uint32Array, lo: Uint32Array, at: number): void {
  if (Number.isNaN(value)) {
    hi[at] = 0xffffffff;
    lo[at] = 0xffffffff;
    return;
  }
  // -0 and 0 are equal figures: one key for both.
  scratch.setFloat64(0, value === 0 ? 0 : value);
  let high = scratch.getUint32(0);
  let low = scratch.getUint32(4);
  // Negative numbers order by inverted bits; positive ones above them, by their bits.
  if (high & SIGN) {
    high = ~high;
    low = ~low;
  } else {
    high |= SIGN;
  }
  if (descending) {
    high = ~high;
    low = ~low;
  }
  // No number reaches the all-ones key kept for NaN: that would take a NaN's bits.
  hi[at] = high >>> 0;
  lo[at] = low >>> 0;
}

/** One stable counting pass on one 16-bit digit; false when every key has the same digit there. */
function pass(from: Uint32Array, to: Uint32Array, words: Uint32Array, shift: number, counts: Uint32Array): boolean {
  const digit = (position: number) => ((words[position] as number) >>> shift) & DIGIT_MASK;
  counts.fill(0);
  for (const position of from) counts[digit(position)] = (counts[digit(position)] as number) + 1;
  if (counts[digit(from[0] as number)] === from.length) return false;
  // Counts become each digit's first slot in `to`.
  let total = 0;
  for (let d = 0; d < BUCKETS; d++) {
    const count = counts[d] as number;
    counts[d] = total;
    total += count;
  }
  for (const position of from) {
    const d = digit(position);
    const slot = counts[d] as number;
    to[slot] = position;
    counts[d] = slot + 1;
  }
  return true;
}

/**
 * `indices` ordered by `values[index]`, ascending or descending, NaN last, ties in the order given.
 * The same order as a stable sort with compareNumbers.
 */
export function radixOrder(indices: Uint32Array, values: Float64Array, descending: boolean): Uint32Array {
  const n = indices.length;
  if (n < 2) return indices.slice();
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let p = 0; p < n; p++) writeKey(values[indices[p] as number] as number, descending, hi, lo, p);
  // Positions into indices, permuted pass by pass from the lowest digit up.
  let from = new Uint32Array(n);
  let to = new Uint32Array(n);
  for (let p = 0; p < n; p++) from[p] = p;
  const counts = new Uint32Array(BUCKETS);
  for (const [words, shift] of [
    [lo, 0],
    [lo, DIGIT_BITS],
    [hi, 0],
    [hi, DIGIT_BITS],
  ] as const) {
    if (!pass(from, to, words, shift, counts)) continue;
    [from, to] = [to, from];
  }
  const out = new Uint32Array(n);
  for (let p = 0; p < n; p++) out[p] = indices[from[p] as number] as number;
  return out;
}
