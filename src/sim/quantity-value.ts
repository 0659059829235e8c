// The numbers behind the quantity strings in the sim's own specs (requests and limits), read as
// apimachinery reads them (API-FACTS §2): an optional sign, decimal digits with at most one point,
// then one binary suffix (Ki…Ei), one decimal suffix (n u m k M G T P E) or a decimal exponent.
// Exact, as a fraction of big integers; rounding up, as ScaledValue does. The client reads the
// same strings with its own code: the two are meant to agree, not to share a bug.

const POWER_OF_TWO: Readonly<Record<string, bigint>> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n };
const POWER_OF_TEN: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** value = numerator / denominator, the denominator a positive power of ten. */
interface Exact {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function scaledByTen(numerator: bigint, exponent: number): Exact {
  return exponent >= 0
    ? { numerator: numerator * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator, denominator: 10n ** BigInt(-exponent) };
}

function exact(text: string): Exact {
  const number = /^([+-]?)([0-9]*)(?:\.([0-9]*))?/.exec(text);
  const [read = '', sign = '', whole = '', fraction = ''] = number ?? [];
  if (whole === '' && fraction === '') throw new Error(`not a quantity: ${JSON.stringify(text)}`);
  const suffix = text.slice(read.length);
  const digits = BigInt(`${sign === '-' ? '-' : ''}${whole}${fraction}` || '0');
  const twos = POWER_OF_TWO[suffix];
  if (twos !== undefined) return scaledByTen(digits << twos, -fraction.length);
  const tens = POWER_OF_TEN[suffix] ?? (/^[eE][+-]?[0-9]+$/.test(suffix) ? Number(suffix.slice(1)) : null);
  if (tens === null) throw new Error(`not a quantity: ${JSON.stringify(text)}`);
  return scaledByTen(digits, tens - fraction.length);
}

/** The smallest integer at or above value × 10^scale. */
function ceilScaled(text: string, scale: number): number {
  const { numerator, denominator } = exact(text);
  const scaled = scaledByTen(numerator, scale);
  const den = denominator * scaled.denominator;
  const quotient = scaled.numerator / den;
  // BigInt division truncates toward zero: only a positive remainder needs rounding up.
  return Number(scaled.numerator > 0n && quotient * den !== scaled.numerator ? quotient + 1n : quotient);
}

/** Thousandths, rounded up: "250m" → 250, "1" → 1000, "1.5" → 1500. */
export const thousandths = (text: string): number => ceilScaled(text, 3);

/** Whole units (bytes for memory), rounded up: "256Mi" → 268435456, "500M" → 500000000. */
export const wholeUnits = (text: string): number => ceilScaled(text, 0);
