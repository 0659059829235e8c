import type { Run } from './sgr.js';
import { escapeHtml, lineHtml, type Palette } from './sgr-to-html.js';

// One captured screen as a page that looks like the terminal it came from: every row one fixed
// height, every cell one `ch` wide, in DejaVu Sans Mono (Debian's fonts-dejavu-core), which has
// the block, box-drawing, ⎈ and ‼ glyphs kmon draws.

const FONT_PX = 15;
/** DejaVu Sans Mono's advance (1233 of 2048 units per em). */
const CELL_PX = (FONT_PX * 1233) / 2048;
/** A hair under the font's own height (2384 of 2048 units), so box-drawing lines meet across rows. */
const ROW_PX = 17;
const PAD_PX = 14;

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** The browser window that holds a cols×rows screen and its padding exactly. */
export function pageSize(cols: number, rows: number): PageSize {
  return { width: Math.ceil(cols * CELL_PX) + 2 * PAD_PX, height: rows * ROW_PX + 2 * PAD_PX };
}

export function terminalPage(screen: readonly (readonly Run[])[], rows: number, palette: Palette, title: string): string {
  const lines = Array.from({ length: rows }, (_, i) => `<div>${lineHtml(screen[i] ?? [], palette)}</div>`);
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
html, body { margin: 0; background: ${palette.bg}; overflow: hidden; }
.screen {
  padding: ${PAD_PX}px; color: ${palette.fg};
  font: ${FONT_PX}px/${ROW_PX}px 'DejaVu Sans Mono', monospace;
  font-kerning: none; font-variant-ligatures: none;
}
/* pre on the rows only: the newlines between them in the source are not rows of their own. */
.screen > div { height: ${ROW_PX}px; overflow: hidden; white-space: pre; }
.w1, .w2 { display: inline-block; text-align: center; overflow: hidden; vertical-align: top; }
.w1 { width: 1ch; }
.w2 { width: 2ch; }
</style></head>
<body><div class="screen">
${lines.join('\n')}
</div></body></html>
`;
}
