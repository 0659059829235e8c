import type { EvictionPolicy } from './eviction.js';
import type { PackedSummary, PackedThrottling } from './kubelet-frame-codec.js';
import type { Problem } from './problems.js';
import type { NodeInfo, NodeUsage, PodInfo } from './records.js';
import type { MetricsSource, Scope } from './snapshot.js';

// One frame of a recording: what changed in the snapshot since the frame before (see
// frame-encoder.ts and frame-decoder.ts). Plain data, written as one JSON line. A field left out
// is unchanged; the first frame of a recording has them all.

/** Objects by key: those added or changed, and the keys of those gone. */
export interface Changes<T> {
  readonly set?: readonly T[];
  readonly del?: readonly string[];
}

/**
 * Pod usage, compactly, as one flat list of numbers: strings (namespaces, names, container names)
 * by their index in the recording's string table, times as milliseconds before the frame's, and
 * unknown figures as null. Each pod is
 * namespace, name, cpu millicores, memory bytes, ms before the frame, n, then n × (container, cpu, memory).
 * One flat list rather than a list per pod: 150,000 pods a scrape cost no 300,000 small arrays.
 */
export interface PodUsageChanges {
  readonly set?: readonly (number | null)[];
  /** [namespace, name] of pods without usage now. */
  readonly del?: readonly (readonly [number, number])[];
}

export interface FrameRecord {
  /** The snapshot's time and sequence number. */
  readonly t: number;
  readonly seq: number;
  /** Strings new to the string table, appended in order. */
  readonly str?: readonly string[];
  readonly scope?: Scope;
  readonly intervalMs?: number;
  readonly inventoryAt?: number | null;
  readonly podsListed?: boolean;
  readonly metricsSource?: MetricsSource;
  readonly podMetricsSource?: MetricsSource;
  readonly metricsAt?: number | null;
  readonly kubeletOff?: string | null;
  readonly problems?: readonly Problem[];
  /** Nodes and pods by UID. */
  readonly nodes?: Changes<NodeInfo>;
  readonly pods?: Changes<PodInfo>;
  /** Node usage by node name. */
  readonly nodeUsage?: Changes<NodeUsage>;
  readonly podUsage?: PodUsageChanges;
  /** Summaries by node name: [name, summary]. */
  readonly summaries?: Changes<readonly [string, PackedSummary]>;
  /** CPU throttling by node name (the nodes of the pods on screen): [name, throttling]. */
  readonly throttling?: Changes<readonly [string, PackedThrottling]>;
  /** Eviction policies by node name; `none` when the snapshot has no map at all. */
  readonly eviction?: Changes<readonly [string, EvictionPolicy]> & { readonly none?: boolean };
}

/** What a recording says about itself, in its first line. */
export interface RecordingHeader {
  readonly kmon: 'recording';
  readonly version: 1;
  readonly startedAt: number;
  readonly scope: Scope;
}
