import { terminfoColors } from './terminfo-colors.js';

export type ColorDepth = 'none' | '16' | '256' | 'truecolor';

export interface TerminalCaps {
  readonly color: ColorDepth;
  /** UTF-8 locale: block glyphs for sparklines, ⎈ and ‼; otherwise ASCII stand-ins. */
  readonly unicode: boolean;
  /** A terminal that can hold a live screen: a TTY that is not TERM=dumb, with keys to read from a TTY. */
  readonly interactive: boolean;
}

export interface CapsFlags {
  readonly color?: boolean;
  readonly ascii?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The locale that governs character encoding, as the C library picks it: LC_ALL, LC_CTYPE, LANG. */
export function isUtf8Locale(env: Env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

export function colorDepth(env: Env, isTTY: boolean, flags: CapsFlags = {}): ColorDepth {
  // NO_COLOR: "when present and not an empty string" (no-color.org).
  if (flags.color === false || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb' || !isTTY) return 'none';
  if (/^(truecolor|24bit)$/i.test(env.COLORTERM ?? '')) return 'truecolor';
  // The terminal's terminfo entry says best (vt100 and xterm-mono have no colours); without one,
  // the name does.
  const colors = env.TERM ? terminfoColors(env.TERM, env) : null;
  if (colors !== null) return colors === 0 ? 'none' : colors >= 256 ? '256' : '16';
  if (/256|direct/.test(env.TERM ?? '')) return '256';
  return '16';
}

/**
 * What `stream` (stdout) can show, and whether a live screen can run there: that needs `input`
 * (stdin) to be a terminal too, since the screen is driven by keys in raw mode (`kmon < /dev/null`
 * prints the tables once, as a pipe does).
 */
export function detectTerminal(
  env: Env,
  stream: { readonly isTTY?: boolean },
  flags: CapsFlags = {},
  input: { readonly isTTY?: boolean } = { isTTY: true },
): TerminalCaps {
  const isTTY = stream.isTTY === true;
  return {
    color: colorDepth(env, isTTY, flags),
    unicode: !flags.ascii && isUtf8Locale(env),
    interactive: isTTY && input.isTTY === true && env.TERM !== 'dumb',
  };
}
