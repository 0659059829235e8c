// Splits a Kubernetes list body (`{"kind":…,"metadata":{…},"items":[{…},{…}]}`) into items while it
// arrives, so a 40 MB pod-metrics list is never held as one string plus one parsed tree: each item
// is parsed on its own and can be dropped once decoded. Scans bytes: UTF-8 continuation bytes never
// look like ASCII punctuation.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ITEMS = Buffer.from('items');

export class ItemSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inItems = false;
  private lastTopKeyIsItems = false;
  // Offsets into `pending` (bytes kept from earlier chunks, already scanned up to `scanned`).
  private pending: Buffer = Buffer.alloc(0);
  private scanned = 0;
  private stringStart = -1;
  private itemStart = -1;
  private outsideStart = 0;
  private readonly envelope: Buffer[] = [];

  constructor(private readonly onItem: (item: unknown) => void) {}

  push(chunk: Buffer): void {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (let i = this.scanned; i < buf.length; i++) {
      const b = buf[i] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) this.endString(buf, i);
      } else if (b === QUOTE) {
        this.inString = true;
        this.stringStart = i + 1;
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        this.open(buf, i, b);
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        this.close(buf, i, b);
      }
    }
    this.keepTail(buf);
  }

  /** Everything but the items, parsed: kind, apiVersion, metadata (resourceVersion, continue). */
  end(): Record<string, unknown> {
    if (this.depth !== 0 || this.inString) throw new SyntaxError('list body ended early');
    this.envelope.push(this.pending);
    const parsed: unknown = JSON.parse(Buffer.concat(this.envelope).toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('list body is not an object');
    return parsed as Record<string, unknown>;
  }

  private open(buf: Buffer, i: number, b: number): void {
    if (this.inItems && this.depth === 2 && b === OPEN_BRACE) this.itemStart = i;
    if (!this.inItems && this.depth === 1 && b === OPEN_BRACKET && this.lastTopKeyIsItems) {
      this.inItems = true;
      this.envelope.push(Buffer.from(buf.subarray(this.outsideStart, i + 1)));
    }
    this.depth++;
  }

  private close(buf: Buffer, i: number, b: number): void {
    this.depth--;
    if (!this.inItems) return;
    if (this.depth === 2 && b === CLOSE_BRACE && this.itemStart >= 0) {
      this.onItem(JSON.parse(buf.toString('utf8', this.itemStart, i + 1)));
      this.itemStart = -1;
    } else if (this.depth === 1 && b === CLOSE_BRACKET) {
      this.inItems = false;
      this.outsideStart = i;
    }
  }

  private endString(buf: Buffer, i: number): void {
    this.inString = false;
    if (this.depth === 1 && !this.inItems) {
      this.lastTopKeyIsItems = i - this.stringStart === ITEMS.length && buf.subarray(this.stringStart, i).equals(ITEMS);
    }
  }

  // Keeps only what later chunks need: the text outside items (small), or an item cut in half.
  private keepTail(buf: Buffer): void {
    const keepFrom = !this.inItems ? this.outsideStart : this.itemStart >= 0 ? this.itemStart : buf.length;
    this.pending = keepFrom === 0 ? buf : Buffer.from(buf.subarray(keepFrom));
    this.scanned = this.pending.length;
    this.stringStart -= keepFrom;
    if (this.itemStart >= 0) this.itemStart -= keepFrom;
    this.outsideStart = this.inItems ? 0 : this.outsideStart - keepFrom;
  }
}
