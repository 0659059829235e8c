import type { PromGetter } from './prom-getter.js';
import { decodePromAnswer, type PromSeries } from './prom-response.js';

// An hour of a few thousand series at 15 s is some tens of MB of JSON; past this the answer is
// refused rather than allowed to eat the heap.
const MAX_ANSWER = 128 * 1024 * 1024;

export interface RangeQuery {
  readonly query: string;
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
  readonly stepMs: number;
}

/** Reads Prometheus's query API, GET only: range queries, and instant ones (a range selector there gives raw samples). */
export class PromClient {
  constructor(
    private readonly getter: PromGetter,
    private readonly timeoutMs: number,
  ) {}

  get where(): string {
    return this.getter.where;
  }

  queryRange(q: RangeQuery, signal?: AbortSignal): Promise<PromSeries[]> {
    const params = new URLSearchParams({
      query: q.query,
      start: String(q.start / 1000),
      end: String(q.end / 1000),
      step: String(q.stepMs / 1000),
    });
    return this.ask(`/api/v1/query_range?${params}`, signal);
  }

  query(query: string, time: number, signal?: AbortSignal): Promise<PromSeries[]> {
    return this.ask(`/api/v1/query?${new URLSearchParams({ query, time: String(time / 1000) })}`, signal);
  }

  close(): void {
    this.getter.close();
  }

  private async ask(pathAndQuery: string, signal?: AbortSignal): Promise<PromSeries[]> {
    const answer = await this.getter.get(pathAndQuery, { timeoutMs: this.timeoutMs, maxBytes: MAX_ANSWER, signal });
    return decodePromAnswer(answer, this.getter.where);
  }
}
