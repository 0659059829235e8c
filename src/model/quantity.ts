// Kubernetes resource quantities (apimachinery resource.Quantity), parsed exactly.
// kubectl rounds with ceil(q × 10^scale) on exact decimals; doing the same here is what makes
// kmon print the same millicores and MiB as `kubectl top`. Floats would turn "250m" into 251m.

export class QuantityError extends Error {
  constructor(text: string) {
    super(`invalid quantity ${JSON.stringify(text.slice(0, 40))}`);
    this.name = 'QuantityError';
  }
}

const GRAMMAR = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

const DECIMAL_SUFFIX: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIX: Readonly<Record<string, number>> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

interface Exact {
  negative: boolean;
  digits: bigint; // value = digits × 2^exp2 × 10^exp10
  exp2: number;
  exp10: number;
}

function parseExact(text: string): Exact {
  const m = GRAMMAR.exec(text);
  if (!m) throw new QuantityError(text);
  const [, sign = '', whole = '', frac = '', exponent, suffix] = m;
  if (whole === '' && frac === '') throw new QuantityError(text);
  let exp10 = -frac.length;
  let exp2 = 0;
  if (exponent) exp10 += Number(exponent.slice(1));
  else if (suffix) {
    const dec = DECIMAL_SUFFIX[suffix];
    if (dec !== undefined) exp10 += dec;
    else exp2 = BINARY_SUFFIX[suffix] ?? 0;
  }
  return { negative: sign === '-', digits: BigInt(whole + frac || '0'), exp2, exp10 };
}

function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d < n ? q + 1n : q;
}

/** ceil(q × 10^scale), as apimachinery's ScaledValue does; exact for every valid quantity. */
export function scaledCeil(text: string, scale: number): number {
  const fast = fastScaledCeil(text, scale);
  if (fast !== undefined) return fast;
  const q = parseExact(text);
  const e = q.exp10 + scale;
  const numerator = q.digits << BigInt(q.exp2);
  const magnitude = e >= 0 ? numerator * 10n ** BigInt(e) : null;
  if (magnitude !== null) return Number(q.negative ? -magnitude : magnitude);
  const divisor = 10n ** BigInt(-e);
  // ceil of a negative value rounds toward zero, i.e. the floor of its magnitude.
  return q.negative ? -Number(numerator / divisor) : Number(ceilDiv(numerator, divisor));
}

const INTEGER_WITH_SUFFIX = /^([0-9]{1,15})(n|u|m|Ki|Mi|Gi)?$/;
const FAST_EXP10: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0 };
const FAST_EXP2: Readonly<Record<string, number>> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };

// The forms metrics-server and the kubelet emit ("172669853n", "2178652Ki", "4") cover nearly
// every value at scale; plain integer arithmetic is exact for them and avoids BigInt.
function fastScaledCeil(text: string, scale: number): number | undefined {
  const m = INTEGER_WITH_SUFFIX.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  const binary = FAST_EXP2[suffix];
  if (binary !== undefined) {
    const value = n * binary * 10 ** scale;
    return scale >= 0 && Number.isSafeInteger(value) ? value : undefined;
  }
  const e = (FAST_EXP10[suffix] ?? 0) + scale;
  if (e >= 0) {
    const value = n * 10 ** e;
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const d = 10 ** -e;
  const rest = n % d;
  return (n - rest) / d + (rest > 0 ? 1 : 0);
}

/** Millicores (or milli-units), rounded up like kubectl's MilliValue. */
export function milliValue(text: string): number {
  return scaledCeil(text, 3);
}

/** Whole units (bytes for memory and storage), rounded up like apimachinery's Value. */
export function unitValue(text: string): number {
  return scaledCeil(text, 0);
}

/** Nanocores to millicores, rounded up exactly (kubectl's MilliValue of the same quantity). */
export function nanoToMilli(nanocores: number): number {
  const rest = nanocores % 1e6;
  return (nanocores - rest) / 1e6 + (rest > 0 ? 1 : 0);
}

/** True when the text is a quantity the apiserver would accept. */
export function isQuantity(text: string): boolean {
  if (INTEGER_WITH_SUFFIX.test(text)) return true;
  try {
    parseExact(text);
    return true;
  } catch {
    return false;
  }
}
