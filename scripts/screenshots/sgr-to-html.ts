import stringWidth from 'string-width';
import type { Color, Run, Style } from './sgr.js';

// Styled runs to HTML spans with inline styles, colours resolved against one terminal palette, so
// the page needs no stylesheet for colour and a test can read the exact result.

export interface Palette {
  /** The terminal's default foreground and background, as #rrggbb. */
  readonly fg: string;
  readonly bg: string;
  /** The 16 named colours: black, red, green, yellow, blue, magenta, cyan, white, then the bright eight. */
  readonly ansi: readonly string[];
}

/** A dark terminal; the bright black (kmon's muted "gray") is kept light enough to read on it. */
export const DARK: Palette = {
  fg: '#d5d9e0',
  bg: '#171a1f',
  ansi: [
    '#3a3f47',
    '#e8655f',
    '#86c46a',
    '#e7c16c',
    '#5f9fe8',
    '#bf7ad8',
    '#4fb8c4',
    '#c6cbd3',
    '#7a818c',
    '#ff837c',
    '#a4e08a',
    '#f6d889',
    '#86bbff',
    '#d89ef0',
    '#7fd8e2',
    '#f4f6f8',
  ],
};

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

// xterm's 256-colour palette: 16–231 a 6×6×6 cube on these levels, 232–255 a grey ramp.
const CUBE = [0, 95, 135, 175, 215, 255] as const;
const cube = (level: number) => CUBE[level] ?? 0;

export function colorHex(color: Color, palette: Palette): string {
  if ('rgb' in color) return hex(...color.rgb);
  const { index } = color;
  if (index < 16) return palette.ansi[index] ?? palette.fg;
  if (index < 232) {
    const n = index - 16;
    return hex(cube(Math.floor(n / 36)), cube(Math.floor(n / 6) % 6), cube(n % 6));
  }
  const grey = 8 + 10 * (index - 232);
  return hex(grey, grey, grey);
}

/** Dim text as terminals draw it: the foreground halfway to the background. */
function halfway(a: string, b: string): string {
  const channels = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
  const [x, y] = [channels(a), channels(b)];
  return hex(...([0, 1, 2].map((i) => Math.round(((x[i] ?? 0) + (y[i] ?? 0)) / 2)) as [number, number, number]));
}

/** The CSS for a style, only where it differs from the page's defaults ('' for plain text). */
export function styleCss(style: Style, palette: Palette): string {
  let fg = style.fg ? colorHex(style.fg, palette) : palette.fg;
  let bg = style.bg ? colorHex(style.bg, palette) : palette.bg;
  if (style.inverse) [fg, bg] = [bg, fg];
  if (style.hidden) fg = bg;
  else if (style.dim) fg = halfway(fg, bg);
  const decorations = [style.underline && 'underline', style.strike && 'line-through'].filter(Boolean);
  return [
    fg !== palette.fg && `color:${fg}`,
    bg !== palette.bg && `background:${bg}`,
    style.bold && 'font-weight:bold',
    style.italic && 'font-style:italic',
    decorations.length > 0 && `text-decoration:${decorations.join(' ')}`,
  ]
    .filter(Boolean)
    .join(';');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Printable ASCII stays plain text; every other character sits in a box one or two cells wide
 * (classes `w1`/`w2`, sized in `ch` by the page), so a glyph drawn from a fallback font, or a wide
 * one, cannot push the rest of the row off the terminal's grid.
 */
export function cellsHtml(text: string): string {
  let html = '';
  for (const { segment } of graphemes.segment(text)) {
    const width = stringWidth(segment);
    if (/^[ -~]$/.test(segment) || width === 0) html += escapeHtml(segment);
    else html += `<span class="w${Math.min(width, 2)}">${escapeHtml(segment)}</span>`;
  }
  return html;
}

export function runHtml(run: Run, palette: Palette): string {
  const css = styleCss(run.style, palette);
  const cells = cellsHtml(run.text);
  return css === '' ? cells : `<span style="${css}">${cells}</span>`;
}

export function lineHtml(runs: readonly Run[], palette: Palette): string {
  return runs.map((run) => runHtml(run, palette)).join('');
}
