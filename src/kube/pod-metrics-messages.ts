import type { PodUsageColumns } from '../model/pod-usage-index.js';

// What the live screen's thread and its pod metrics worker say to each other (pod-metrics-thread.ts,
// pod-metrics-worker.ts). Bodies and columns travel as transferred buffers, never copied.

export type ToWorker =
  | { readonly kind: 'begin'; readonly id: number; readonly encoding: string }
  | { readonly kind: 'chunk'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly kind: 'end'; readonly id: number }
  | { readonly kind: 'cancel'; readonly id: number };

/** Names the worker numbered since its last answer, in the order it numbered them. */
export interface NewNames {
  /** The numbering started over: earlier numbers mean nothing now. */
  readonly fresh: boolean;
  readonly namespaces: readonly string[];
  readonly names: readonly string[];
  readonly containers: readonly string[];
}

export type FromWorker =
  | {
      readonly kind: 'done';
      readonly id: number;
      readonly columns: PodUsageColumns;
      readonly skipped: number;
      readonly firstProblem: string | null;
      readonly names: NewNames;
    }
  | {
      readonly kind: 'failed';
      readonly id: number;
      readonly message: string;
      /** The body was no JSON list (else its compression was broken). */
      readonly syntax: boolean;
    };

/** The buffers of the columns, to transfer rather than copy. */
export function columnBuffers(columns: PodUsageColumns): ArrayBuffer[] {
  return Object.values(columns).map((column: PodUsageColumns[keyof PodUsageColumns]) => column.buffer as ArrayBuffer);
}
