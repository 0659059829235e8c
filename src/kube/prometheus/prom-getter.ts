/** One answer from Prometheus's HTTP API: the body whatever its status, which Prometheus fills with JSON either way. */
export interface PromAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface PromGetOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

/** GETs paths of Prometheus's HTTP API (`/api/v1/…?…`), directly or through the apiserver. */
export interface PromGetter {
  /** Where Prometheus is, as people write it, without credentials. */
  readonly where: string;
  get(pathAndQuery: string, options: PromGetOptions): Promise<PromAnswer>;
  close(): void;
}
