import { useEffect, useMemo, useRef, useState } from 'react';
import { buildFleetRow, type FleetRow } from '../../model/fleet-row.js';
import { buildNodeRows } from '../../model/node-row.js';
import { byName } from '../../model/pane-order.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Thresholds } from '../../model/thresholds.js';
import type { FleetAlerts } from '../fleet-alerts.js';
import type { SnapshotSource } from './use-snapshot.js';

/** One watched cluster as the screen sees it: its snapshots, or why it could not be opened. */
export interface FleetMemberView {
  readonly context: string;
  readonly server: string;
  readonly collector:
    | (SnapshotSource & { prioritizeNodes(names: readonly string[]): void; prioritizePodNodes(names: readonly string[]): void })
    | null;
  readonly error: string | null;
}

/** The clusters of a run; the screen subscribes and says which are on screen, it never polls. */
export interface FleetSource {
  /** Every context of the kubeconfig, for the context picker. */
  readonly contexts: readonly string[];
  /** Several clusters with a fleet view, or one cluster at a time. */
  readonly multi: boolean;
  members(): readonly FleetMemberView[];
  /** The cluster of `context`, watched from now on if it was not. */
  open(context: string): FleetMemberView;
  /** The clusters on screen poll at the interval, the others more slowly. */
  onScreen(contexts: readonly string[]): void;
  /** Called when any cluster has a new snapshot, or the set of clusters changes. */
  subscribe(listener: () => void): () => void;
}

// The sparkline column is at most 12 cells wide.
const TREND_POINTS = 12;

interface Built {
  readonly snapshot: Snapshot | null;
  readonly thresholds: Thresholds;
  readonly row: FleetRow;
}

/**
 * A row per cluster, by name, rebuilt only for the clusters with a new snapshot: twenty clusters
 * polling every few seconds each bring a frame, not twenty rows' work.
 */
export function useFleetRows(fleet: FleetSource, thresholds: Thresholds, alerts: FleetAlerts): readonly FleetRow[] {
  const [version, setVersion] = useState(0);
  useEffect(() => fleet.subscribe(() => setVersion((v) => v + 1)), [fleet]);
  const built = useRef(new Map<string, Built>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is how the fleet says it changed
  return useMemo(() => {
    const rows = fleet.members().map((member) => {
      const snapshot = member.collector?.latest() ?? null;
      const known = built.current.get(member.context);
      if (known && known.snapshot === snapshot && known.thresholds === thresholds) return known.row;
      const row = buildFleetRow({
        context: member.context,
        server: member.server,
        error: member.error,
        snapshot,
        nodes: snapshot ? buildNodeRows(snapshot, thresholds) : [],
        // The same book the cluster's own screen reads, observed once per snapshot whoever asks first.
        alerts: snapshot ? alerts.book(member.context).observe(snapshot, null).firing : [],
        thresholds,
        trendPoints: TREND_POINTS,
      });
      built.current.set(member.context, { snapshot, thresholds, row });
      return row;
    });
    return byName(rows);
  }, [fleet, thresholds, alerts, version]);
}
