/** One line per request for --log: never bodies, headers or credentials. */
export interface RequestRecord {
  readonly method: 'GET';
  readonly path: string;
  readonly status: number | null;
  readonly durationMs: number;
  readonly bytes: number;
  readonly error: string | null;
}

export type RequestLog = (record: RequestRecord) => void;
