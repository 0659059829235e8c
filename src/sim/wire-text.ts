// Value formats exactly as Go's apimachinery writes them on the wire.

const DECIMAL_SUFFIXES = ['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E'];
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * Nanocores in canonical DecimalSI form, as metrics-server's NewScaledQuantity(n, -9) serialises:
 * the largest suffix that keeps an integer ("487558164n", "12436m", "4").
 */
export function cpuQuantity(nanocores: number): string {
  if (nanocores === 0) return '0';
  let mantissa = Math.round(nanocores);
  let step = 0;
  while (mantissa % 1000 === 0 && step < DECIMAL_SUFFIXES.length - 1) {
    mantissa /= 1000;
    step++;
  }
  return `${mantissa}${DECIMAL_SUFFIXES[step]}`;
}

/**
 * Bytes in canonical BinarySI form: the largest power of 1024 that divides exactly ("732212Ki");
 * values below 1024 or not a multiple of 1024 are plain digits.
 */
export function bytesQuantity(bytes: number): string {
  let mantissa = Math.round(bytes);
  if (Math.abs(mantissa) < 1024) return String(mantissa);
  let step = 0;
  while (mantissa !== 0 && mantissa % 1024 === 0 && step < BINARY_SUFFIXES.length - 1) {
    mantissa /= 1024;
    step++;
  }
  return `${mantissa}${BINARY_SUFFIXES[step]}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * RFC 3339 with whole seconds, as metav1.Time marshals (fractions are truncated). Computed with
 * integer arithmetic (days to civil date, as in Howard Hinnant's algorithm): lists format several
 * timestamps per pod, and a Date per call showed up in profiles at 150,000 pods.
 */
export function rfc3339(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const daySeconds = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const time = `${two(Math.floor(daySeconds / 3600))}:${two(Math.floor(daySeconds / 60) % 60)}:${two(daySeconds % 60)}`;
  return `${year}-${two(month)}-${two(day)}T${time}Z`;
}

function secondsText(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const frac = ms % 1000;
  return frac === 0 ? `${whole}s` : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s`;
}

/** A whole-millisecond duration as Go's time.Duration.String() prints it ("15.012s", "1m0.5s"). */
export function goDuration(totalMs: number): string {
  const ms = Math.round(totalMs);
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = secondsText(ms % 60_000);
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}
