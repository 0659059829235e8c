import { observe } from '../model/alert-findings.js';
import { nextAlerts } from '../model/alert-step.js';
import { type AlertState, EMPTY_ALERTS } from '../model/alerts.js';
import { buildNodeRows, type NodeRow } from '../model/node-row.js';
import { PodFactsCache } from '../model/pod-facts.js';
import { PodPositions } from '../model/pod-positions.js';
import type { PodRow } from '../model/pod-row.js';
import { PodSignalTable } from '../model/pod-signal-table.js';
import { type PodTable, PodTables } from '../model/pod-table.js';
import type { PodInfo } from '../model/records.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Thresholds } from '../model/thresholds.js';

/** The rows the screen already built for a snapshot, so the book need not build them again. */
export interface BuiltRows {
  readonly nodes: readonly NodeRow[];
  readonly table: PodTable | null;
  /** The pods' kubelet signals (throttling, ephemeral storage), whose alerts the table's levels leave out. */
  readonly signals?: PodSignalTable | null;
}

interface JudgedPod {
  readonly pod: PodInfo;
  readonly row: PodRow;
}

/**
 * The alert state of the live screen: each snapshot, as it arrives, moves it on one step (pure,
 * in model/alert-step.ts), whatever frame is shown. A paused frame reads the state as it was when
 * its snapshot came in.
 */
export class AlertBook {
  private state: AlertState = EMPTY_ALERTS;
  private readonly byFrame = new WeakMap<Snapshot, AlertState>();
  private lastPods: readonly PodInfo[] | null = null;
  // Only while paused are live snapshots not also on screen; their pods then need a table of their own.
  private ownTables: PodTables | null = null;
  private ownSignals: PodSignalTable | null = null;
  private judged: { readonly table: PodTable; readonly rows: Map<number, JudgedPod> } | null = null;
  private readonly positions = new PodPositions();

  constructor(private readonly thresholds: Thresholds) {}

  /** Moves the state on by this snapshot (once per snapshot) and answers the state after it. */
  observe(snapshot: Snapshot, built: BuiltRows | null): AlertState {
    const known = this.byFrame.get(snapshot);
    if (known) return known;
    const nodes = built?.nodes ?? buildNodeRows(snapshot, this.thresholds);
    const table = built?.table ?? (snapshot.podsListed ? this.tablesFor(snapshot) : null);
    const signals = built ? (built.signals ?? null) : this.signalsFor(snapshot);
    const podsChanged = snapshot.pods !== this.lastPods;
    this.lastPods = snapshot.pods;
    const observation = observe({
      nodes,
      nodeInfo: snapshot.nodes,
      pods: table ? this.podsToJudge(table, signals) : [],
      problems: snapshot.problems,
      thresholds: this.thresholds,
      terminationsOf: podsChanged ? snapshot.pods : null,
      now: snapshot.takenAt,
    });
    this.state = nextAlerts(this.state, observation, snapshot.takenAt);
    this.byFrame.set(snapshot, this.state);
    return this.state;
  }

  /** The state when this snapshot came in, or the latest for one never observed. */
  at(snapshot: Snapshot): AlertState {
    return this.byFrame.get(snapshot) ?? this.state;
  }

  private tablesFor(snapshot: Snapshot): PodTable {
    this.ownTables ??= new PodTables(new PodFactsCache());
    return this.ownTables.for(snapshot, this.thresholds);
  }

  private signalsFor(snapshot: Snapshot): PodSignalTable {
    this.ownSignals = PodSignalTable.of(snapshot, this.thresholds, this.ownSignals);
    return this.ownSignals;
  }

  /** Pods alerting now, and pods with alerts already (which may be clearing, or whose figures went unknown). */
  private podsToJudge(table: PodTable, signals: PodSignalTable | null): readonly JudgedPod[] {
    const watched = new Set<string>();
    for (const a of this.state.firing) if (a.target.kind === 'pod' && a.target.uid) watched.add(a.target.uid);
    const watchedAt = watched.size === 0 ? [] : this.positions.of(watched, table.pods);
    const rows = this.rowsOf(table);
    const out: JudgedPod[] = [];
    let next = 0;
    for (let i = 0; i < table.size; i++) {
      while ((watchedAt[next] ?? Number.POSITIVE_INFINITY) < i) next++;
      const alerting = table.levelOf(i) !== 'ok' || (signals !== null && signals.levelOf(i) !== 'ok');
      if (!alerting && watchedAt[next] !== i) continue;
      let judged = rows.get(i);
      if (!judged) {
        judged = { pod: table.pod(i), row: table.row(i) };
        rows.set(i, judged);
      }
      out.push(judged);
    }
    return out;
  }

  /**
   * The rows built for this table's pods so far. A table is kept across snapshots while its pods
   * and their usage are the same, and builds each row from its own snapshot and time, so a row
   * built once is the row it would build again.
   */
  private rowsOf(table: PodTable): Map<number, JudgedPod> {
    if (this.judged?.table !== table) this.judged = { table, rows: new Map() };
    return this.judged.rows;
  }
}
