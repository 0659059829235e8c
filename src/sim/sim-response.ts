import type { IncomingHttpHeaders } from 'node:http';

/** A body is produced lazily, chunk by chunk, so giant lists are never held whole in memory. */
export type Body = string | Iterable<string> | AsyncIterable<string>;

export interface SimResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: Body;
  readonly headers?: Readonly<Record<string, string>>;
  /** A watch: each chunk is sent as soon as it is produced, never buffered or compressed. */
  readonly streaming?: boolean;
  /** Set by a fault: the bytes on the wire are paced to this rate. */
  readonly bytesPerSecond?: number;
}

export interface SimRequest {
  readonly method: string;
  /** The percent-decoded path, without the query. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Aborted when the client goes away or the sim stops. */
  readonly signal: AbortSignal;
}

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export const JSON_TYPE = 'application/json';

/** Go's json.Encoder ends every document with a newline; the apiserver's bodies do too. */
export function jsonResponse(status: number, value: unknown): SimResponse {
  return { status, contentType: JSON_TYPE, body: `${JSON.stringify(value)}\n` };
}

export function textResponse(status: number, body: string, contentType = 'text/plain; charset=utf-8'): SimResponse {
  return { status, contentType, body };
}
