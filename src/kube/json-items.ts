// Splits a Kubernetes list body (`{"kind":…,"metadata":{…},"items":[{…},{…}]}`) into items while it
// arrives, so a 50 MB pod-metrics list or a 500 MB pod list is never held as one string plus one
// parsed tree. The items complete within a chunk are parsed together (one JSON.parse per chunk,
// not per item), or handed over as bytes to a reader of their own; only an item cut by a chunk
// boundary is copied. Inside strings, which are most of
// the bytes, the scan jumps with indexOf from quote to quote. UTF-8 continuation bytes never look
// like ASCII punctuation, so bytes can be scanned without decoding.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ITEMS = 'items';

/** Complete items, one or more, comma-separated: bytes[start, end). */
export type ItemBytes = (bytes: Buffer, start: number, end: number) => void;

/** Parses a batch of items with one JSON.parse and hands them over one by one. */
function parsed(onItem: (item: unknown) => void): ItemBytes {
  return (bytes, start, end) => {
    const items: unknown[] = JSON.parse(`[${bytes.toString('utf8', start, end)}]`);
    for (const item of items) onItem(item);
  };
}

/** Where the scan stands between chunks. */
interface SplitterState {
  depth: number;
  inString: boolean;
  escaped: boolean;
  inItems: boolean;
  /** The text of the string being read at depth 1 outside items (keys there are short). */
  topString: string | null;
  lastTopKeyIsItems: boolean;
  /** Earlier chunks' part of the item cut by a chunk boundary. */
  carry: Buffer[];
  readonly envelope: Buffer[];
  readonly onItems: ItemBytes;
}

export class ItemSplitter {
  private readonly state: SplitterState;

  /** Items parsed (by JSON.parse); `ItemSplitter.ofBytes` hands their bytes to a reader of its own. */
  constructor(onItem: (item: unknown) => void, onItems: ItemBytes = parsed(onItem)) {
    this.state = {
      depth: 0,
      inString: false,
      escaped: false,
      inItems: false,
      topString: null,
      lastTopKeyIsItems: false,
      carry: [],
      envelope: [],
      onItems,
    };
  }

  static ofBytes(onItems: ItemBytes): ItemSplitter {
    return new ItemSplitter(() => undefined, onItems);
  }

  push(chunk: Buffer): void {
    new ChunkScan(this.state, chunk).run();
  }

  /** Everything but the items, parsed: kind, apiVersion, metadata (resourceVersion, continue). */
  end(): Record<string, unknown> {
    if (this.state.depth !== 0 || this.state.inString) throw new SyntaxError('list body ended early');
    const parsed: unknown = JSON.parse(Buffer.concat(this.state.envelope).toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('list body is not an object');
    return parsed as Record<string, unknown>;
  }
}

/** One chunk's pass over the splitter's state. */
class ChunkScan {
  private itemStart = -1;
  private batchStart = -1;
  private batchEnd = -1;
  private outsideStart: number;
  /** The next backslash at or after the scan position (-1: none left), found once, not per string. */
  private backslash = -2;

  constructor(
    private readonly s: SplitterState,
    private readonly chunk: Buffer,
  ) {
    this.outsideStart = s.inItems ? -1 : 0;
  }

  private nextBackslash(from: number): number {
    if (this.backslash === -2 || (this.backslash !== -1 && this.backslash < from)) this.backslash = this.chunk.indexOf(BACKSLASH, from);
    return this.backslash;
  }

  run(): void {
    const { chunk } = this;
    let i = 0;
    while (i < chunk.length) {
      i = this.s.inString ? this.skipString(i) : this.structure(i, chunk[i] as number);
    }
    this.flush();
    this.keepTail();
  }

  /** Moves through string bytes to the closing quote, minding escapes; returns the next index. */
  private skipString(from: number): number {
    const { chunk, s } = this;
    let i = from;
    if (s.escaped) {
      s.escaped = false;
      i++;
    }
    while (i < chunk.length) {
      const quote = chunk.indexOf(QUOTE, i);
      const backslash = this.nextBackslash(i);
      const stop = quote === -1 ? (backslash === -1 ? chunk.length : backslash) : backslash === -1 ? quote : Math.min(quote, backslash);
      if (stop === chunk.length) {
        this.noteTopString(from, chunk.length);
        return chunk.length;
      }
      if (chunk[stop] === BACKSLASH) {
        if (stop + 1 >= chunk.length) {
          s.escaped = true;
          this.noteTopString(from, chunk.length);
          return chunk.length;
        }
        i = stop + 2;
        continue;
      }
      this.noteTopString(from, stop);
      s.inString = false;
      if (s.topString !== null) s.lastTopKeyIsItems = s.topString === ITEMS;
      s.topString = null;
      return stop + 1;
    }
    this.noteTopString(from, chunk.length);
    return chunk.length;
  }

  private noteTopString(from: number, to: number): void {
    if (this.s.topString !== null && this.s.topString.length <= ITEMS.length) this.s.topString += this.chunk.toString('latin1', from, to);
  }

  private structure(i: number, b: number): number {
    const { s } = this;
    if (b === QUOTE) {
      s.inString = true;
      s.topString = s.depth === 1 && !s.inItems ? '' : null;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (s.inItems && s.depth === 2 && b === OPEN_BRACE) this.itemStart = i;
      if (!s.inItems && s.depth === 1 && b === OPEN_BRACKET && s.lastTopKeyIsItems) {
        s.inItems = true;
        s.envelope.push(Buffer.from(this.chunk.subarray(this.outsideStart, i + 1)));
        this.outsideStart = -1;
      }
      s.depth++;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      s.depth--;
      if (s.inItems && s.depth === 2 && b === CLOSE_BRACE) this.itemClosed(i);
      else if (s.inItems && s.depth === 1 && b === CLOSE_BRACKET) {
        this.flush();
        s.inItems = false;
        this.outsideStart = i;
      }
    }
    return i + 1;
  }

  private itemClosed(i: number): void {
    const { s } = this;
    if (this.itemStart < 0 && s.carry.length) {
      // The item began in an earlier chunk: join its pieces and hand it over alone.
      const bytes = Buffer.concat([...s.carry, this.chunk.subarray(0, i + 1)]);
      s.carry = [];
      s.onItems(bytes, 0, bytes.length);
    } else {
      if (this.batchStart < 0) this.batchStart = this.itemStart;
      this.batchEnd = i + 1;
    }
    this.itemStart = -1;
  }

  private flush(): void {
    if (this.batchStart < 0) return;
    const start = this.batchStart;
    this.batchStart = -1;
    this.s.onItems(this.chunk, start, this.batchEnd);
  }

  // Keeps only what later chunks need: an item cut in half, or the envelope outside the items.
  private keepTail(): void {
    const { s, chunk } = this;
    if (!s.inItems && this.outsideStart >= 0) s.envelope.push(Buffer.from(chunk.subarray(this.outsideStart)));
    if (!s.inItems) return;
    if (this.itemStart >= 0) s.carry = [Buffer.from(chunk.subarray(this.itemStart))];
    else if (s.carry.length) s.carry.push(chunk);
  }
}
