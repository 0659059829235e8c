// Reads what `tmux capture-pane -e -p` prints: text with SGR escape sequences, into styled runs.
// tmux carries the style across line ends (a line may start without any escape, still bold and
// cyan from the last one), so the whole screen is read with one running style.

/** An index into the 256-colour palette (0–15 are the 16 named colours), or a 24-bit colour. */
export type Color = { readonly index: number } | { readonly rgb: readonly [number, number, number] };

export interface Style {
  /** null: the terminal's default. */
  readonly fg: Color | null;
  readonly bg: Color | null;
  readonly bold: boolean;
  readonly dim: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly inverse: boolean;
  readonly hidden: boolean;
  readonly strike: boolean;
}

export const PLAIN: Style = {
  fg: null,
  bg: null,
  bold: false,
  dim: false,
  italic: false,
  underline: false,
  inverse: false,
  hidden: false,
  strike: false,
};

export interface Run {
  readonly text: string;
  readonly style: Style;
}

const channel = (value: string | undefined): number | null => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 && n < 256 ? n : null;
};

/** 38/48 take their colour from what follows: `5;N` or `2;R;G;B` as further parameters, or the
 *  colon forms `5:N`, `2:R:G:B` and `2::R:G:B` (ITU T.416, colour-space id left empty) inside
 *  this one. In the semicolon form `args` is the caller's queue, so what is read here is consumed. */
function extendedColor(head: string, queue: string[]): Color | null {
  const colon = head.includes(':');
  const args = colon ? head.split(':').slice(1) : queue;
  const mode = args.shift();
  if (mode === '5') {
    const index = channel(args.shift());
    return index === null ? null : { index };
  }
  if (mode === '2') {
    if (colon && args.length > 3) args.shift();
    const [r, g, b] = args.splice(0, 3).map(channel);
    return r == null || g == null || b == null ? null : { rgb: [r, g, b] };
  }
  return null;
}

/** The style after one SGR sequence's parameters (`1;31`, `0`, `38;5;208`, or empty for reset). */
export function applySgr(style: Style, params: string): Style {
  const queue = params === '' ? ['0'] : params.split(';');
  let s = style;
  while (queue.length > 0) {
    const head = queue.shift() ?? '';
    const code = Number(head.split(':')[0] || '0');
    if (code === 38 || code === 48) {
      const color = extendedColor(head, queue);
      if (color) s = code === 38 ? { ...s, fg: color } : { ...s, bg: color };
      // Past a malformed colour there is no telling which parameters were its own: stop there.
      else break;
    } else if (code >= 30 && code <= 37) s = { ...s, fg: { index: code - 30 } };
    else if (code >= 90 && code <= 97) s = { ...s, fg: { index: code - 90 + 8 } };
    else if (code >= 40 && code <= 47) s = { ...s, bg: { index: code - 40 } };
    else if (code >= 100 && code <= 107) s = { ...s, bg: { index: code - 100 + 8 } };
    else s = { ...s, ...ATTRIBUTES[code] };
  }
  return s;
}

/** The codes that set or clear one attribute; unknown codes (blink, fonts, overline) change nothing. */
const ATTRIBUTES: Readonly<Record<number, Partial<Style>>> = {
  0: PLAIN,
  1: { bold: true },
  2: { dim: true },
  3: { italic: true },
  4: { underline: true },
  7: { inverse: true },
  8: { hidden: true },
  9: { strike: true },
  21: { underline: true },
  22: { bold: false, dim: false },
  23: { italic: false },
  24: { underline: false },
  27: { inverse: false },
  28: { hidden: false },
  29: { strike: false },
  39: { fg: null },
  49: { bg: null },
};

// CSI (ESC [ … final byte) and OSC (ESC ] … BEL or ESC \) sequences; only SGR (final `m`) is kept.
const ESCAPE = /\u001B\[([0-?]*)[ -/]*([@-~])|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

const sameStyle = (a: Style, b: Style) => JSON.stringify(a) === JSON.stringify(b);

/** Splits a captured screen into lines of styled runs; other escape sequences are dropped. */
export function parseScreen(text: string): Run[][] {
  const lines: Run[][] = [];
  let style = PLAIN;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const runs: Run[] = [];
    let at = 0;
    const push = (chunk: string) => {
      if (chunk === '') return;
      const last = runs.at(-1);
      if (last && sameStyle(last.style, style)) runs[runs.length - 1] = { text: last.text + chunk, style };
      else runs.push({ text: chunk, style });
    };
    for (const match of line.matchAll(ESCAPE)) {
      push(line.slice(at, match.index));
      at = match.index + match[0].length;
      if (match[2] === 'm') style = applySgr(style, match[1] ?? '');
    }
    push(line.slice(at));
    lines.push(runs);
  }
  return lines;
}
