/** How many terminal columns a string takes. */
export type Measure = (text: string) => number;

import { isOneColumnText } from '../model/one-column.js';

const countUnits: Measure = (text) => text.length;

/**
 * A measure for these texts. Cluster and node names are nearly always ASCII, and counting is then
 * exact; only other text loads string-width, whose Unicode tables and segmenter take ~40 ms to set
 * up: a third of what `kmon status` may spend, every few seconds, under tmux.
 */
export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  for (const text of texts) {
    if (!isOneColumnText(text)) return (await import('string-width')).default;
  }
  return countUnits;
}
