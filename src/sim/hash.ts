// Every simulated number is a pure function of the seed and a few integers, so the same seed and
// clock give the same payloads without any state to keep in step between requests.

const TWO_32 = 4294967296;

function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of integers (times in ms and other values above 2^32 are folded in whole). */
export function hash(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = fmix32(h ^ (part >>> 0));
    const high = Math.floor(part / TWO_32);
    if (high !== 0) h = fmix32(h ^ high);
  }
  return h;
}

/** Uniform in [0, 1). */
export function unit(...parts: readonly number[]): number {
  return hash(...parts) / TWO_32;
}

/** Uniform in [lo, hi). */
export function between(lo: number, hi: number, ...parts: readonly number[]): number {
  return lo + (hi - lo) * unit(...parts);
}

export function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A seeded sequence, for building the layout once at start-up. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = hash(seed, 0x5eed);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
  }

  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
}
