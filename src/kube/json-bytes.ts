// A JSON reader over bytes that checks every byte as JSON.parse would but makes nothing it is not
// asked for: a caller walks an object's members, reads the few strings it wants and skips the rest.
// Pod metrics at 150,000 pods are 50 MB of JSON of which kmon keeps six values an item; parsed
// whole, each item became a dozen objects for the garbage collector. Errors are SyntaxErrors, as
// JSON.parse throws.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export const STRING = 1;
export const OBJECT = 2;
export const ARRAY = 3;
/** A number, true, false or null. */
export const SCALAR = 4;

const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;
const ESCAPED = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPED[c.charCodeAt(0)] = 1;

const LITERALS = [Buffer.from('true'), Buffer.from('false'), Buffer.from('null')];

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

export class JsonBytes {
  /** Where the reader stands. */
  at = 0;
  /** The last string read or skipped: its content (between the quotes), and whether it had escapes. */
  stringStart = 0;
  stringEnd = 0;
  stringEscaped = false;
  private bytes: Buffer = Buffer.alloc(0);
  private end = 0;

  /** Reads bytes[start, end). */
  reset(bytes: Buffer, start: number, end: number): void {
    this.bytes = bytes;
    this.at = start;
    this.end = end;
  }

  fail(what = 'unexpected byte'): never {
    throw new SyntaxError(`${what} in JSON at position ${this.at}`);
  }

  done(): boolean {
    this.space();
    return this.at >= this.end;
  }

  /** The kind of the value that starts here (after any space): STRING, OBJECT, ARRAY or SCALAR. */
  kind(): number {
    this.space();
    if (this.at >= this.end) this.fail('unexpected end');
    const c = this.bytes[this.at];
    if (c === QUOTE) return STRING;
    if (c === OPEN_BRACE) return OBJECT;
    if (c === OPEN_BRACKET) return ARRAY;
    return SCALAR;
  }

  /** Steps over the comma between two elements or members. */
  comma(): void {
    this.expect(COMMA);
  }

  /** Steps over `byte` (after any space), or fails. */
  expect(byte: number): void {
    this.space();
    if (this.bytes[this.at] !== byte || this.at >= this.end) this.fail();
    this.at++;
  }

  /**
   * Steps into an object or array, or to its next member or element: true while there is one (a
   * member's key is then read, as a string), false after the closing brace or bracket.
   */
  next(first: boolean, close: number): boolean {
    this.space();
    if (this.bytes[this.at] === close && this.at < this.end) {
      this.at++;
      return false;
    }
    if (!first) this.expect(COMMA);
    if (close === CLOSE_BRACE) {
      this.string();
      this.expect(COLON);
    }
    return true;
  }

  openObject(): void {
    this.expect(OPEN_BRACE);
  }

  nextMember(first: boolean): boolean {
    return this.next(first, CLOSE_BRACE);
  }

  openArray(): void {
    this.expect(OPEN_BRACKET);
  }

  nextElement(first: boolean): boolean {
    return this.next(first, CLOSE_BRACKET);
  }

  /** Whether the last string read is `ascii` (a key without escapes, as nearly all are). */
  stringIs(ascii: string): boolean {
    if (this.stringEscaped) return this.text() === ascii;
    if (this.stringEnd - this.stringStart !== ascii.length) return false;
    for (let k = 0; k < ascii.length; k++) if (this.bytes[this.stringStart + k] !== ascii.charCodeAt(k)) return false;
    return true;
  }

  /** The last string read, decoded. */
  text(): string {
    if (!this.stringEscaped) return this.bytes.toString('utf8', this.stringStart, this.stringEnd);
    return JSON.parse(this.bytes.toString('utf8', this.stringStart - 1, this.stringEnd + 1));
  }

  /** Reads a string (after any space); its content is then stringStart to stringEnd. */
  string(): void {
    this.space();
    if (this.bytes[this.at] !== QUOTE || this.at >= this.end) this.fail();
    const { bytes, end } = this;
    let i = this.at + 1;
    this.stringStart = i;
    this.stringEscaped = false;
    for (;;) {
      if (i >= end) this.fail('unterminated string');
      const c = bytes[i] as number;
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        this.stringEscaped = true;
        i = this.escape(i);
      } else if (c < 0x20) {
        this.at = i;
        this.fail('control character');
      } else i++;
    }
    this.stringEnd = i;
    this.at = i + 1;
  }

  /** Steps over any value (after any space). */
  skip(): void {
    const kind = this.kind();
    if (kind === STRING) this.string();
    else if (kind === OBJECT) {
      this.openObject();
      for (let first = true; this.nextMember(first); first = false) this.skip();
    } else if (kind === ARRAY) {
      this.openArray();
      for (let first = true; this.nextElement(first); first = false) this.skip();
    } else this.scalar();
  }

  private escape(i: number): number {
    const { bytes } = this;
    const c = bytes[i + 1] as number;
    if (i + 1 < this.end && ESCAPED[c]) return i + 2;
    if (
      c === 0x75 &&
      i + 5 < this.end &&
      HEX[bytes[i + 2] as number] &&
      HEX[bytes[i + 3] as number] &&
      HEX[bytes[i + 4] as number] &&
      HEX[bytes[i + 5] as number]
    )
      return i + 6;
    this.at = i;
    return this.fail('bad escape');
  }

  private scalar(): void {
    const c = this.bytes[this.at] as number;
    if (c === MINUS || isDigit(c)) {
      this.number();
      return;
    }
    for (const literal of LITERALS) {
      if (this.at + literal.length <= this.end && literal.equals(this.bytes.subarray(this.at, this.at + literal.length))) {
        this.at += literal.length;
        return;
      }
    }
    this.fail();
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  private number(): void {
    if (this.bytes[this.at] === MINUS) this.at++;
    if (this.bytes[this.at] === ZERO) this.at++;
    else this.digits();
    if (this.bytes[this.at] === 0x2e) {
      this.at++;
      this.digits();
    }
    const e = this.bytes[this.at];
    if (e === 0x65 || e === 0x45) {
      this.at++;
      const sign = this.bytes[this.at];
      if (sign === 0x2b || sign === MINUS) this.at++;
      this.digits();
    }
    if (this.at > this.end) this.fail('unexpected end');
  }

  private digits(): void {
    const from = this.at;
    while (this.at < this.end && isDigit(this.bytes[this.at] as number)) this.at++;
    if (this.at === from) this.fail('expected a digit');
  }

  private space(): void {
    const { bytes, end } = this;
    let i = this.at;
    while (i < end) {
      const c = bytes[i];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.at = i;
  }
}
