// Compact figures for narrow cells: one decimal below 10, none above, binary units for bytes.

const BINARY_UNITS = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

function compact(value: number): string {
  if (value >= 9.95 || Number.isInteger(value)) return String(Math.round(value));
  return value.toFixed(1);
}

/** 412m below one core, then cores: 1.9, 12, 128. */
export function formatCpu(millicores: number): string {
  if (millicores < 1000) return `${Math.round(millicores)}m`;
  return compact(millicores / 1000);
}

/** An amount of CPU standing alone in text, with its unit: 500m, 1 core, 1.5 cores (a bare "1" reads as nothing). */
export function formatCpuAmount(millicores: number): string {
  if (millicores < 1000) return `${Math.round(millicores)}m`;
  const cores = compact(millicores / 1000);
  return `${cores} ${cores === '1' ? 'core' : 'cores'}`;
}

/** Cores without unit, for "used/allocatable" pairs: 0.3, 1.9, 48. */
export function formatCores(millicores: number): string {
  return compact(millicores / 1000);
}

function binaryExponent(bytes: number): number {
  let exp = 0;
  let v = Math.abs(bytes);
  while (v >= 1024 && exp < BINARY_UNITS.length - 1) {
    v /= 1024;
    exp += 1;
  }
  return exp;
}

/** 512, 12Ki, 498Mi, 2.1Gi. */
export function formatBytes(bytes: number): string {
  const exp = binaryExponent(bytes);
  return `${compact(bytes / 1024 ** exp)}${BINARY_UNITS[exp]}`;
}

/** "2.1/7.5Gi": both sides in the unit of the larger, so the pair reads as one fraction. */
export function formatBytesPair(used: number, total: number): string {
  const exp = binaryExponent(Math.max(used, total));
  const unit = 1024 ** exp;
  return `${compact(used / unit)}/${compact(total / unit)}${BINARY_UNITS[exp]}`;
}
