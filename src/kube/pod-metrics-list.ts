import { PodKeys } from '../model/pod-keys.js';
import { PodUsageBuilder, type PodUsageColumns, PodUsageIndex } from '../model/pod-usage-index.js';
import { addPodMetrics } from './decode/pod-metrics.js';
import { podMetricsItem } from './decode/pod-metrics-bytes.js';
import { JsonBytes } from './json-bytes.js';
import { ItemSplitter } from './json-items.js';

/** A pod metrics list as read: the pods' usage, and the items left out as invalid. */
export interface DecodedPodUsage {
  readonly usage: PodUsageIndex;
  readonly skipped: number;
  readonly firstProblem: string | null;
}

/** Where one pod metrics list's body goes while it arrives. */
export interface PodMetricsSink {
  /** Whether the sink takes the body as sent, still compressed, rather than decoded by the transport. */
  readonly raw: boolean;
  /** The answer has begun, sent with this Content-Encoding (for sinks that take the body raw). */
  open(encoding: string): void;
  /** Some of the body; throws (a SyntaxError for a body that is no list) to end the read. */
  push(chunk: Buffer): void;
  /** The list, once the whole body was pushed. */
  end(): Promise<DecodedPodUsage>;
  /** The read failed or was given up: nothing more comes. */
  cancel(): void;
}

/** Turns pod metrics lists into columns; one sink per list. */
export interface PodMetricsDecoder {
  begin(): PodMetricsSink;
  close(): void;
}

/**
 * Pods come and go under new names (a rollout, a job a minute), so numbering starts over once most
 * numbered pods are gone from the lists.
 */
export function keysWornOut(keys: PodKeys, lastRows: number): boolean {
  return keys.size > 2 * lastRows + 1024;
}

/**
 * One list body, split into items as it arrives and each item checked and put in columns. Items
 * are read from their bytes (decode/pod-metrics-bytes.ts), not parsed whole.
 */
export class PodMetricsColumns {
  private readonly builder: PodUsageBuilder;
  private readonly reader = new JsonBytes();
  private readonly splitter = ItemSplitter.ofBytes((bytes, start, end) => this.read(bytes, start, end));
  private skipped = 0;
  private firstProblem: string | null = null;

  constructor(keys: PodKeys) {
    this.builder = new PodUsageBuilder(keys);
  }

  push(chunk: Buffer): void {
    this.splitter.push(chunk);
  }

  /** The columns, once the body is all in; a SyntaxError if it ended early. */
  finish(): { readonly columns: PodUsageColumns; readonly skipped: number; readonly firstProblem: string | null } {
    this.splitter.end();
    return { columns: this.builder.columns(), skipped: this.skipped, firstProblem: this.firstProblem };
  }

  private read(bytes: Buffer, start: number, end: number): void {
    const r = this.reader;
    r.reset(bytes, start, end);
    for (let first = true; !r.done(); first = false) {
      if (!first) r.comma();
      this.add(podMetricsItem(r));
    }
  }

  private add(item: unknown): void {
    const problem = addPodMetrics(item, this.builder);
    if (problem === null) return;
    this.skipped++;
    this.firstProblem ??= problem;
  }
}

/**
 * Decoding on the calling thread, for the one-shot faces: nothing waits on the thread meanwhile.
 * Pods keep their numbers from one list to the next, as in the live screen's worker.
 */
export class InThreadPodMetrics implements PodMetricsDecoder {
  private keys = new PodKeys();
  private lastRows = 0;

  begin(): PodMetricsSink {
    if (keysWornOut(this.keys, this.lastRows)) this.keys = new PodKeys();
    const keys = this.keys;
    const list = new PodMetricsColumns(keys);
    return {
      raw: false,
      open: () => undefined,
      push: (chunk) => list.push(chunk),
      end: async () => {
        const { columns, skipped, firstProblem } = list.finish();
        this.lastRows = columns.keys.length;
        return { usage: new PodUsageIndex(keys, columns), skipped, firstProblem };
      },
      cancel: () => undefined,
    };
  }

  close(): void {}
}
