import type { NodeInfo, PodInfo } from '../model/records.js';

/** Nodes and pods as last read, with when; each list keeps its last good value when a read fails. */
export interface InventoryState {
  readonly nodes: readonly NodeInfo[];
  readonly pods: readonly PodInfo[];
  readonly nodesAt: number | null;
  readonly podsAt: number | null;
}

export interface InventoryRefresh {
  readonly state: InventoryState;
  /** Why each list could not be refreshed this time (null when it was). */
  readonly nodesError: unknown;
  readonly podsError: unknown;
  /** Objects that failed validation and were left out, if any. */
  readonly skipped: string | null;
  /** Costlier ways the lists are kept current, e.g. listing every poll where watches are unavailable. */
  readonly notices?: readonly string[];
}

export interface Inventory {
  refresh(now: number, signal?: AbortSignal): Promise<InventoryRefresh>;
  /** For inventories whose first refresh may answer before every list is in: called when it is. */
  onListed?(listener: () => void): void;
  /** For inventories that keep reading between refreshes: called when a failing list is current again. */
  onRecovered?(listener: () => void): void;
  /** The apiserver answered another read: lists waiting out a backoff are asked again now. */
  retryNow?(): void;
  close(): void;
}
