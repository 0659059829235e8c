// The first member of a JSON object, cut out of the bytes without parsing the rest. A kubelet's
// summary is `{"node": {…5 KB…}, "pods": [{…}, … 100 KB …]}`: where only the node is wanted, the
// pods need never become objects (5,000 summaries a few minutes apart are a lot of garbage).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

// What each byte is to the scan, read from a table: 5,000 summaries a few minutes apart are
// checked byte by byte, and a set lookup per byte made that a second of CPU every few polls.
const OTHER = 0;
const OPEN = 1;
const CLOSE = 2;
const STRING = 3;
const SPACE = 4;
const CLASS = new Uint8Array(256);
for (const b of [0x7b, 0x5b]) CLASS[b] = OPEN;
for (const b of [0x7d, 0x5d]) CLASS[b] = CLOSE;
for (const b of [0x20, 0x09, 0x0a, 0x0d]) CLASS[b] = SPACE;
CLASS[QUOTE] = STRING;

function classOf(body: Buffer, i: number): number {
  return CLASS[body[i] as number] ?? OTHER;
}

function skipSpace(body: Buffer, i: number): number {
  while (i < body.length && classOf(body, i) === SPACE) i++;
  return i;
}

/** The index just past the string that opens at `start`, or -1 if it never closes. */
function stringEnd(body: Buffer, start: number): number {
  let quote = body.indexOf(QUOTE, start + 1);
  while (quote >= 0) {
    // Escaped when an odd number of backslashes stands before it.
    let backslashes = 0;
    while (body[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = body.indexOf(QUOTE, quote + 1);
  }
  return -1;
}

/** The index just past the object or array that opens at `start`, or -1 if it never closes. */
function valueEnd(body: Buffer, start: number): number {
  let depth = 0;
  for (let i = start; i < body.length; i++) {
    const c = classOf(body, i);
    if (c === STRING) {
      i = stringEnd(body, i) - 1;
      if (i < 0) return -1;
    } else if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * The bytes of `key`'s value when it is the object's first member and an object or array itself;
 * null otherwise (the caller then parses the whole body, as it would anyway).
 */
export function leadingMember(body: Buffer, key: string): Buffer | null {
  let i = skipSpace(body, 0);
  if (body[i] !== 0x7b) return null;
  i = skipSpace(body, i + 1);
  if (body[i] !== QUOTE) return null;
  const keyEnd = stringEnd(body, i);
  if (keyEnd < 0 || body.toString('utf8', i + 1, keyEnd - 1) !== key) return null;
  i = skipSpace(body, keyEnd);
  if (body[i] !== COLON) return null;
  i = skipSpace(body, i + 1);
  if (classOf(body, i) !== OPEN) return null;
  const end = valueEnd(body, i);
  return end < 0 ? null : body.subarray(i, end);
}

/**
 * Whether the body is one object or array that closes, with nothing but space after it: a cheap
 * check, with no objects made, that an answer cut short is not taken for a whole one.
 */
export function closesWhole(body: Buffer): boolean {
  const start = skipSpace(body, 0);
  if (classOf(body, start) !== OPEN) return false;
  const end = valueEnd(body, start);
  return end >= 0 && skipSpace(body, end) === body.length;
}
