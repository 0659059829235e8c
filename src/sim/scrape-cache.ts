// metrics-server answers from its last scrape: a list is the same on every request until the next
// scrape, but for each item's creationTimestamp, the time of the response. The sim renders a list
// once per scrape, with a marker for that time, and replays it. At 150,000 pods rendering takes
// about a second a request, which a benchmark of the clients would otherwise be measuring.

/** Stands for the response time in a rendered list; no name or label can contain it. */
export const CREATED_MARK = '@kmon-sim-response-time@';

// Lists by path and query (a namespace, a selector); a handful in practice.
const MAX_LISTS = 32;

interface Rendered {
  readonly scrape: string;
  readonly chunks: readonly string[];
}

export class ScrapeCache {
  private readonly lists = new Map<string, Rendered>();

  /**
   * The body of list `key` at `scrape` (what identifies the data: the scrape and any change in
   * which objects exist), with `created` as the response time. `render` produces it with
   * CREATED_MARK in that place, in chunks that never split the mark.
   */
  body(key: string, scrape: string, created: string, render: () => Iterable<string>): Iterable<string> {
    const known = this.lists.get(key);
    if (known?.scrape === scrape) return stamped(known.chunks, created);
    return this.recording(key, scrape, created, render());
  }

  // Kept only once sent whole: a client that hangs up early leaves nothing half-rendered behind.
  private *recording(key: string, scrape: string, created: string, chunks: Iterable<string>): Generator<string> {
    const kept: string[] = [];
    for (const chunk of chunks) {
      kept.push(chunk);
      yield chunk.replaceAll(CREATED_MARK, created);
    }
    if (this.lists.size >= MAX_LISTS && !this.lists.has(key)) this.lists.clear();
    this.lists.set(key, { scrape, chunks: kept });
  }
}

function* stamped(chunks: Iterable<string>, created: string): Generator<string> {
  for (const chunk of chunks) yield chunk.replaceAll(CREATED_MARK, created);
}
