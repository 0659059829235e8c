// The first member of a JSON object, cut out of the bytes without parsing the rest. A kubelet's
// summary is `{"node": {…5 KB…}, "pods": [{…}, … 100 KB …]}`: where only the node is wanted, the
// pods need never become objects (5,000 summaries a few minutes apart are a lot of garbage).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const opens = (b: number | undefined) => b === OPEN_BRACE || b === OPEN_BRACKET;

function skipSpace(body: Buffer, i: number): number {
  while (i < body.length && isSpace(body[i])) i++;
  return i;
}

/** The index just past the string that opens at `start`, or -1 if it never closes. */
function stringEnd(body: Buffer, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = body.indexOf(QUOTE, from);
    if (quote < 0) return -1;
    // A quote escaped by an odd run of backslashes does not end the string.
    let slashes = 0;
    while (body[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * The index just past the object or array that opens at `start`, or -1 if it never closes. Plain
 * comparisons byte by byte, strings jumped over with indexOf: this runs on every kubelet summary.
 */
function valueEnd(body: Buffer, start: number): number {
  let depth = 0;
  for (let i = start; i < body.length; ) {
    const b = body[i];
    if (b === QUOTE) {
      i = stringEnd(body, i);
      if (i < 0) return -1;
      continue;
    }
    if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
    else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/**
 * The bytes of `key`'s value when it is the object's first member and an object or array itself;
 * null otherwise (the caller then parses the whole body, as it would anyway).
 */
export function leadingMember(body: Buffer, key: string): Buffer | null {
  let i = skipSpace(body, 0);
  if (body[i] !== OPEN_BRACE) return null;
  i = skipSpace(body, i + 1);
  if (body[i] !== QUOTE) return null;
  const keyEnd = stringEnd(body, i);
  if (keyEnd < 0 || body.toString('utf8', i + 1, keyEnd - 1) !== key) return null;
  i = skipSpace(body, keyEnd);
  if (body[i] !== COLON) return null;
  i = skipSpace(body, i + 1);
  if (!opens(body[i])) return null;
  const end = valueEnd(body, i);
  return end < 0 ? null : body.subarray(i, end);
}

/**
 * Whether the body is one object or array that closes, with nothing but space after it: a cheap
 * check, with no objects made, that an answer cut short is not taken for a whole one.
 */
export function closesWhole(body: Buffer): boolean {
  const start = skipSpace(body, 0);
  if (!opens(body[start])) return false;
  const end = valueEnd(body, start);
  return end >= 0 && skipSpace(body, end) === body.length;
}
