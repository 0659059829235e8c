// Cell text for `kmon top`, rounded exactly as kubectl prints it: millicores rounded up, whole MiB
// rounded down, percentages truncated.

const MiB = 1024 * 1024;

export function cpuCell(millicores: number | null): string {
  return millicores === null ? '<unknown>' : `${millicores}m`;
}

export function memoryCell(bytes: number | null): string {
  return bytes === null ? '<unknown>' : `${Math.floor(bytes / MiB)}Mi`;
}

export function percentCell(percent: number | null): string {
  return percent === null ? '<unknown>' : `${Math.trunc(percent)}%`;
}

/** JSON percentages keep two decimals; tables truncate. */
export function jsonPercent(percent: number | null): number | null {
  return percent === null ? null : Math.round(percent * 100) / 100;
}
