// A series as one glyph per sample, newest on the right, right-aligned in `width` cells.

const BLOCKS = '▁▂▃▄▅▆▇█';
// Without UTF-8 the same eight heights in ASCII, low to high.
const ASCII = '_.,-~=*#';

export interface SparklineOptions {
  readonly width: number;
  readonly ascii?: boolean;
  /** Fixed top of the scale (e.g. 100 for percentages); otherwise the series' own maximum. */
  readonly max?: number;
}

export function sparkline(values: readonly number[], options: SparklineOptions): string {
  const { width, ascii = false } = options;
  if (width <= 0) return '';
  const glyphs = ascii ? ASCII : BLOCKS;
  const shown = values.slice(-width);
  const finite = shown.filter(Number.isFinite);
  const top = options.max ?? Math.max(0, ...finite);
  let line = '';
  for (const v of shown) {
    if (!Number.isFinite(v)) line += ' ';
    else if (top <= 0) line += glyphs[0];
    else {
      const index = Math.round((Math.min(Math.max(v, 0), top) / top) * (glyphs.length - 1));
      line += glyphs[index];
    }
  }
  return line.padStart(width, ' ');
}
