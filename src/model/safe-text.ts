// Strings from the cluster (names, labels, condition and error messages) must never reach a terminal
// or a tmux status line able to move the cursor, retitle the window or set a clipboard. Escape
// sequences are removed whole; any other control or bidi-override character becomes "?".

// CSI, OSC (BEL or ST terminated), DCS/SOS/PM/APC strings, and every other ESC sequence (ECMA-35:
// intermediates then one final byte), e.g. ESC c (full reset), ESC 7, ESC ( B.
const ESCAPE_SEQUENCE =
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~])|\x9b[0-?]*[ -/]*[@-~]/g;
const UNSAFE_CHAR = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_WORK = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Single-line, escape-free text; tabs and newlines become spaces. */
export function safeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/[\t\n]/g, ' ')
    .replace(UNSAFE_CHAR, '?');
}
