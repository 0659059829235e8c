import { formatBytes } from './format-units.js';

/** Bytes a second, compact: "0", "512", "12Ki", "1.5Mi" (the "/s" is in the column title). */
export function formatRate(bytesPerSecond: number): string {
  return bytesPerSecond < 1 ? '0' : formatBytes(bytesPerSecond);
}

const SHORT_UNITS = ['', 'K', 'M', 'G', 'T'] as const;

/** Bytes a second in at most five characters for a narrow cell: "0", "512", "12K", "1.5M" (binary). */
export function formatRateShort(bytesPerSecond: number): string {
  let value = Math.max(0, bytesPerSecond);
  let unit = 0;
  while (value >= 1000 && unit < SHORT_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 9.95 || unit === 0 ? String(Math.round(value)) : value.toFixed(1);
  return `${digits}${SHORT_UNITS[unit]}`;
}

/** "1.5M/240K": received, then transmitted, a second, in a cell of 11 at most. */
export function formatRxTx(rx: number, tx: number): string {
  return `${formatRateShort(rx)}/${formatRateShort(tx)}`;
}
