import type { Level } from './levels.js';

// Alerts with a life: every problem kmon knows, tracked across snapshots with when it began, how
// bad it is now, and when it ended. Plain data throughout, so a state can be saved between runs.

/** What an alert is about: a figure over its line, a projection, a condition, a pod's state, a failed read. */
export type AlertKind = 'cpu' | 'memory' | 'disk' | 'image fs' | 'full' | 'oom' | 'condition' | 'pod' | 'read';

export interface AlertTarget {
  readonly kind: 'node' | 'pod' | 'cluster';
  /** The node or pod name ('' for the cluster). */
  readonly name: string;
  readonly namespace?: string;
  /** The object's UID, so Enter on an alert finds its row. */
  readonly uid?: string;
}

/** One problem as one snapshot shows it, before `for:` and hysteresis have their say. */
export interface Finding {
  /** Stable across snapshots: the same problem on the same object. */
  readonly key: string;
  readonly kind: AlertKind;
  readonly target: AlertTarget;
  /** The level at the thresholds. */
  readonly level: Level;
  /** The level at the clearing lines, a little below the thresholds: a firing alert keeps up to this. */
  readonly hold: Level;
  /** "disk 93%", "NotReady: kubelet stopped posting node status". */
  readonly message: string;
  /** What the log says when it clears, e.g. "NotReady → Ready"; default "<message> cleared". */
  readonly cleared?: string;
  /** How long it must last before it fires. */
  readonly forMs: number;
  /** When the object itself says the problem began (a condition's last transition), if it does. */
  readonly startedAt?: number;
  /** When the resource is projected to be full (fill, OOM), ms from the snapshot. */
  readonly fullInMs?: number | null;
}

export interface Alert {
  readonly key: string;
  readonly kind: AlertKind;
  readonly target: AlertTarget;
  readonly level: Level;
  readonly message: string;
  readonly cleared?: string;
  /** When the problem began: first seen over the line (or as its object says). */
  readonly since: number;
  readonly fullInMs: number | null;
}

export type Change = 'raised' | 'worse' | 'better' | 'cleared' | 'restarted' | 'oom-killed';

/** One line of the log: an alert raised, worsened, eased or cleared, or a container restart. */
export interface Transition {
  readonly at: number;
  readonly change: Change;
  readonly key: string;
  readonly kind: AlertKind;
  readonly target: AlertTarget;
  /** The level it went to (for cleared, the level it had). */
  readonly level: Level;
  readonly message: string;
  /** Time since the problem began: how long it waited its for: (raised), or had lasted; null for restarts. */
  readonly durationMs: number | null;
}

/** A container that terminated, as its pod reports it (one per container: the last termination). */
export interface Termination {
  readonly key: string;
  readonly at: number;
  readonly target: AlertTarget;
  readonly oom: boolean;
  readonly message: string;
}

export interface AlertState {
  /** When the last snapshot was taken in (null: none yet). */
  readonly at: number | null;
  readonly firing: readonly Alert[];
  /** Problems over their line but not yet for long enough, and since when. */
  readonly pending: readonly { readonly key: string; readonly since: number }[];
  /** Newest first, at most LOG_SIZE entries. */
  readonly log: readonly Transition[];
  /** Terminations already logged, and when they happened. */
  readonly seen: readonly { readonly key: string; readonly at: number }[];
}

export const EMPTY_ALERTS: AlertState = { at: null, firing: [], pending: [], log: [], seen: [] };

/** "node hk-7", "pod web/api-7c9f", "cluster". */
export function targetText(target: AlertTarget): string {
  if (target.kind === 'cluster') return 'cluster';
  return target.kind === 'pod' ? `pod ${target.namespace}/${target.name}` : `node ${target.name}`;
}

/** "node/hk-7", "pod/web/api-7c9f", "cluster": the object field of kmon check -o json. */
export function targetPath(target: AlertTarget): string {
  if (target.kind === 'cluster') return 'cluster';
  return target.kind === 'pod' ? `pod/${target.namespace}/${target.name}` : `node/${target.name}`;
}
