/** How many terminal columns a string takes. */
export type Measure = (text: string) => number;

// Printable ASCII and the glyphs the status line draws (… ‼ ⎈ and the sparkline blocks): one
// UTF-16 unit and one column each.
const ONE_COLUMN = /^[\x20-\x7e\u2026\u203c\u2388\u2581-\u2588]*$/;

const countUnits: Measure = (text) => text.length;

/**
 * A measure for these texts. Cluster and node names are nearly always ASCII, and counting is then
 * exact; only other text loads string-width, whose Unicode tables and segmenter take ~40 ms to set
 * up: a third of what `kmon status` may spend, every few seconds, under tmux.
 */
export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  for (const text of texts) {
    if (!ONE_COLUMN.test(text)) return (await import('string-width')).default;
  }
  return countUnits;
}
