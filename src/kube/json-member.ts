// The first member of a JSON object, cut out of the bytes without parsing the rest. A kubelet's
// summary is `{"node": {…5 KB…}, "pods": [{…}, … 100 KB …]}`: where only the node is wanted, the
// pods need never become objects (5,000 summaries a few minutes apart are a lot of garbage).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x7b, 0x5b]);
const CLOSE = new Set([0x7d, 0x5d]);
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function skipSpace(body: Buffer, i: number): number {
  while (i < body.length && SPACE.has(body[i] as number)) i++;
  return i;
}

/** The index just past the string that opens at `start`, or -1 if it never closes. */
function stringEnd(body: Buffer, start: number): number {
  for (let i = start + 1; i < body.length; i++) {
    const b = body[i];
    if (b === BACKSLASH) i++;
    else if (b === QUOTE) return i + 1;
  }
  return -1;
}

/** The index just past the object or array that opens at `start`, or -1 if it never closes. */
function valueEnd(body: Buffer, start: number): number {
  let depth = 0;
  for (let i = start; i < body.length; i++) {
    const b = body[i] as number;
    if (b === QUOTE) {
      i = stringEnd(body, i) - 1;
      if (i < 0) return -1;
    } else if (OPEN.has(b)) depth++;
    else if (CLOSE.has(b) && --depth === 0) return i + 1;
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
  if (!OPEN.has(body[i] as number)) return null;
  const end = valueEnd(body, i);
  return end < 0 ? null : body.subarray(i, end);
}

/**
 * Whether the body is one object or array that closes, with nothing but space after it: a cheap
 * check, with no objects made, that an answer cut short is not taken for a whole one.
 */
export function closesWhole(body: Buffer): boolean {
  const start = skipSpace(body, 0);
  if (!OPEN.has(body[start] as number)) return false;
  const end = valueEnd(body, start);
  return end >= 0 && skipSpace(body, end) === body.length;
}
