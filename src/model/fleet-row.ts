import { type Alert, targetText } from './alerts.js';
import { clusterFigure } from './cluster-figure.js';
import { clusterProblem } from './cluster-health.js';
import { clusterCpuTrend } from './cluster-trend.js';
import type { Figure } from './figure.js';
import { type Level, levelRank, worstLevel } from './levels.js';
import type { NodeRow } from './node-row.js';
import type { Snapshot } from './snapshot.js';
import type { Thresholds } from './thresholds.js';

/** One alert, or a reason the cluster is not fully read, in a line: "node-7: disk at 93%". */
export interface Finding {
  readonly text: string;
  readonly level: Level;
}

/** One cluster of a fleet, as its row shows it. */
export interface FleetRow {
  /** The context: rows are kept and selected by it. */
  readonly uid: string;
  readonly name: string;
  readonly server: string;
  /** Ready and all nodes; null until the node list has been read. */
  readonly nodes: { readonly ready: number; readonly total: number } | null;
  /** The cluster's CPU and memory against its nodes' allocatable (nodes with figures only). */
  readonly cpu: Figure;
  readonly memory: Figure;
  /** The fullest node filesystem. */
  readonly disk: { readonly percent: number; readonly level: Level; readonly node: string } | null;
  readonly crit: number;
  readonly warn: number;
  /** What is worst about the cluster: why it cannot be read, else its worst alert, else a read problem. */
  readonly problem: Finding | null;
  /** The cluster cannot be read at all (or not even opened). */
  readonly down: boolean;
  /** When the oldest figure shown was read; null: nothing read yet. */
  readonly dataAt: number | null;
  /** When the cluster's last snapshot was taken; null: no poll yet. */
  readonly takenAt: number | null;
  readonly intervalMs: number;
  /** Cluster CPU %, one value per metrics sample, oldest first. */
  readonly cpuTrend: readonly number[];
  /** The row's colour and its place in a worst-first order. */
  readonly level: Level;
}

export interface FleetInput {
  readonly context: string;
  readonly server: string;
  /** Why the context could not be opened; null when it was. */
  readonly error: string | null;
  /** null until the first poll. */
  readonly snapshot: Snapshot | null;
  /** The snapshot's node rows (empty without one). */
  readonly nodes: readonly NodeRow[];
  /** The cluster's firing alerts, as its own screen's header counts them. */
  readonly alerts: readonly Alert[];
  readonly thresholds: Thresholds;
  /** Samples drawn in the sparkline at most. */
  readonly trendPoints: number;
}

const STALE_POLLS = 3;

/** Data older than three polls (and a second's grace) is stale, as the header says of one cluster. */
export function isStale(row: Pick<FleetRow, 'dataAt' | 'intervalMs'>, now: number): boolean {
  return row.dataAt !== null && now - row.dataAt > STALE_POLLS * row.intervalMs + 1000;
}

function fullestDisk(rows: readonly NodeRow[]): FleetRow['disk'] {
  let fullest: FleetRow['disk'] = null;
  for (const row of rows) {
    const { percent, level } = row.disk;
    if (percent !== null && (!fullest || percent > fullest.percent)) fullest = { percent, level, node: row.name };
  }
  return fullest;
}

/**
 * The worst firing alert, the longest-lasting among equals. What is wrong comes first, where
 * after: node names are long, and a row is cut at its end.
 */
function worstAlert(alerts: readonly Alert[]): Finding | null {
  let worst: Alert | null = null;
  for (const a of alerts) {
    const rank = worst ? levelRank(a.level) - levelRank(worst.level) : 1;
    if (rank > 0 || (rank === 0 && worst && a.since < worst.since)) worst = a;
  }
  if (!worst) return null;
  return { text: worst.target.kind === 'cluster' ? worst.message : `${worst.message} (${targetText(worst.target)})`, level: worst.level };
}

/** A source that could not be read (metrics-server, kubelets): said when nothing alerts. */
function readProblem(snapshot: Snapshot): Finding | null {
  const first = snapshot.problems.find((p) => p.source !== 'kubelet');
  const text = first?.message ?? snapshot.kubeletOff ?? snapshot.problems[0]?.message;
  return text ? { text, level: 'warn' } : null;
}

/**
 * Why a cluster cannot be read, without its server's URL, which has a column of its own: "cannot
 * reach https://…:6443: connection refused" is "connection refused" beside the row's ✗.
 */
function downText(message: string, server: string): string {
  if (!server || !message.includes(server)) return message;
  return message.split(`${server}: `)[1] ?? message.replaceAll(server, 'the apiserver');
}

const unread: Figure = { used: null, total: null, percent: null, level: 'ok' };

export function buildFleetRow(input: FleetInput): FleetRow {
  const { snapshot, nodes, alerts, thresholds } = input;
  const cantOpen = input.error !== null;
  const down = snapshot ? clusterProblem(snapshot) : null;
  const times = snapshot ? [snapshot.inventoryAt, snapshot.metricsAt].filter((t): t is number => t !== null) : [];
  const alert = worstAlert(alerts);
  const problem: Finding | null = cantOpen
    ? { text: input.error ?? '', level: 'crit' }
    : down
      ? { text: downText(down.message, input.server), level: 'crit' }
      : (alert ?? (snapshot ? readProblem(snapshot) : null));
  const row: Omit<FleetRow, 'level'> = {
    uid: input.context,
    name: input.context,
    server: input.server,
    nodes: snapshot?.inventoryAt != null ? { ready: nodes.filter((n) => n.ready === true).length, total: nodes.length } : null,
    cpu: snapshot ? clusterFigure(nodes, (r) => r.cpu, thresholds.cpu) : unread,
    memory: snapshot ? clusterFigure(nodes, (r) => r.memory, thresholds.memory) : unread,
    disk: fullestDisk(nodes),
    crit: alerts.filter((a) => a.level === 'crit').length + (cantOpen ? 1 : 0),
    warn: alerts.filter((a) => a.level === 'warn').length,
    problem,
    down: cantOpen || down !== null,
    dataAt: times.length ? Math.min(...times) : null,
    takenAt: snapshot?.takenAt ?? null,
    intervalMs: snapshot?.intervalMs ?? 0,
    cpuTrend: snapshot ? clusterCpuTrend(snapshot, input.trendPoints) : [],
  };
  const stale = snapshot !== null && isStale(row, snapshot.takenAt);
  const counted: Level = row.crit ? 'crit' : row.warn ? 'warn' : 'ok';
  return { ...row, level: worstLevel(counted, problem?.level ?? 'ok', row.cpu.level, row.memory.level, stale ? 'crit' : 'ok') };
}

/** Worst first: level, then crit and warn counts; ties keep the name order. */
export function fleetSeverity(row: FleetRow): number {
  return levelRank(row.level) * 1e8 + Math.min(row.crit, 9999) * 1e4 + Math.min(row.warn, 9999);
}
