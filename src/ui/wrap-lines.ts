import { textWidth } from './fit-text.js';

// Where a line's text starts again on its next line: after a key column ("  tab   switch…"),
// else under its own indentation.
function hangingIndent(line: string): number {
  const keyed = /^(\s+\S.*?\s{2,})\S/.exec(line);
  return textWidth(keyed?.[1] ?? /^\s*/.exec(line)?.[0] ?? '');
}

/** One line as lines of at most `width` columns, broken between words; a word longer than that stays whole (the caller cuts it). */
function wrapLine(line: string, width: number): string[] {
  if (textWidth(line) <= width) return [line];
  const indent = ' '.repeat(Math.min(hangingIndent(line), Math.floor(width / 2)));
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/(?<=\S)\s+(?=\S)/)) {
    const next = current ? `${current} ${word}` : word;
    if (current && textWidth(next) > width) {
      out.push(current);
      current = `${indent}${word}`;
    } else current = next;
  }
  out.push(current);
  return out;
}

/** Text lines wrapped to the terminal's width, so a help line is read whole rather than cut. */
export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => wrapLine(line, Math.max(10, width)));
}
