import { formatBytes } from './format-units.js';

/** Bytes a second, compact: "0", "512", "12Ki", "1.5Mi" (the "/s" is in the column title). */
export function formatRate(bytesPerSecond: number): string {
  return bytesPerSecond < 1 ? '0' : formatBytes(bytesPerSecond);
}

/** "1.5Mi/240Ki": received, then transmitted, a second. */
export function formatRxTx(rx: number, tx: number): string {
  return `${formatRate(rx)}/${formatRate(tx)}`;
}
