import type * as z from 'zod/mini';
import { KubeError, WatchUnsupportedError } from './kube-error.js';
import { decodeWatchEvent, isWatchEvent, type WatchEvent } from './watch-event.js';
import { LineSplitter } from './watch-lines.js';

export interface WatchHandlers<T> {
  readonly onEvent: (event: WatchEvent<T>) => void;
  /** Every resourceVersion the stream reaches, to resume from after a disconnect. */
  readonly onVersion: (resourceVersion: string) => void;
  /** An object that failed validation: skipped, so one bad object cannot wedge the stream. */
  readonly onInvalid: (reason: string) => void;
}

/** What an answer that is not a watch stream turned out to be, for the message: "a PodList", "text/html". */
function describe(raw: unknown): string {
  const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' && /^[A-Za-z]{1,40}$/.test(kind) ? `a ${kind}` : 'JSON that is not a watch event';
}

/**
 * One watch answer, line by line. A server that does not do watches (a proxy that drops the query
 * string, an old aggregated API, an HTML login page) answers with something else, and that is told
 * from a broken stream by the first line: not a watch event there means no watch here at all.
 */
export class WatchStream<T> {
  private readonly lines: LineSplitter;
  private started = false;

  constructor(
    private readonly schema: z.ZodMiniType<T>,
    private readonly handlers: WatchHandlers<T>,
  ) {
    this.lines = new LineSplitter((line) => this.line(line));
  }

  /** The answer's content type; a watch over JSON is JSON (`application/json`, maybe `;stream=watch`). */
  open(contentType: string): void {
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== '' && type !== 'application/json') throw new WatchUnsupportedError(type.slice(0, 60));
  }

  push(chunk: Buffer): void {
    this.lines.push(chunk);
  }

  end(): void {
    this.lines.end();
  }

  private line(line: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      if (!this.started) throw new WatchUnsupportedError('something that is not JSON lines');
      throw new KubeError('malformed', 'watch sent a line that is not JSON');
    }
    if (!isWatchEvent(raw)) {
      if (!this.started) throw new WatchUnsupportedError(describe(raw));
      throw new KubeError('malformed', 'watch sent a line that is not a watch event');
    }
    this.started = true;
    const { event, version, invalid } = decodeWatchEvent(raw, this.schema);
    if (version) this.handlers.onVersion(version);
    if (event) this.handlers.onEvent(event);
    if (invalid) this.handlers.onInvalid(invalid);
  }
}
