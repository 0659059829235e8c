import { alertKey } from '../model/alert-findings.js';
import type { ReportedAlert } from '../model/alert-report.js';
import type { AlertKind } from '../model/alerts.js';
import { clusterFigure } from '../model/cluster-figure.js';
import { levelRank } from '../model/levels.js';
import type { NodeRow } from '../model/node-row.js';
import type { Thresholds } from '../model/thresholds.js';
import type { StatusData, StatusProblem } from './status-line.js';

/** When each alert began, by key, and the soonest fill of each node's disk and memory. */
function nodeProblems(row: NodeRow, since: ReadonlyMap<string, number>): StatusProblem[] {
  const out: StatusProblem[] = [];
  const target = { kind: 'node', name: row.name, uid: row.uid } as const;
  const sinceOf = (kind: AlertKind, detail?: string) => since.get(alertKey(target, kind, detail)) ?? null;
  for (const label of row.conditionAlerts)
    out.push({ level: row.statusLevel, label, node: row.name, percent: null, since: sinceOf('condition', label), fullInMs: null });
  const fullIn = (resources: readonly string[]) =>
    row.forecasts.find((f) => resources.includes(f.resource) && f.level !== 'ok')?.fullInMs ?? null;
  const figures = [
    ['disk', row.disk, 'disk', fullIn(['node fs', 'image fs', 'inodes'])],
    ['mem', row.memory, 'memory', fullIn(['memory'])],
    ['cpu', row.cpu, 'cpu', null],
  ] as const;
  for (const [label, f, kind, fullInMs] of figures) {
    if (f.level !== 'ok') out.push({ level: f.level, label, node: row.name, percent: f.percent, since: sinceOf(kind), fullInMs });
  }
  return out;
}

/** A cluster of which nothing could be read: no figures, only why (errorLabel a word or two, as StatusData says). */
export function unreadStatus(cluster: string, error: string, errorLabel?: string): StatusData {
  return {
    cluster,
    ready: 0,
    total: 0,
    cpuPercent: null,
    memoryPercent: null,
    cpuTrend: [],
    cpuLevel: 'ok',
    memoryLevel: 'ok',
    problems: [],
    staleMs: null,
    error,
    errorLabel,
  };
}

/**
 * One status line's worth of a cluster: totals, the CPU trend, and every node problem, worst first,
 * with when its alert began (from `alerts`) and when its disk or memory is projected full.
 */
export function statusData(
  cluster: string,
  rows: readonly NodeRow[],
  thresholds: Thresholds,
  cpuTrend: readonly number[],
  staleMs: number | null,
  alerts: readonly ReportedAlert[] = [],
): StatusData {
  const since = new Map(alerts.map((a) => [a.key, a.since]));
  const cpu = clusterFigure(rows, (r) => r.cpu, thresholds.cpu);
  const memory = clusterFigure(rows, (r) => r.memory, thresholds.memory);
  const problems = rows
    .flatMap((row) => nodeProblems(row, since))
    // Worst level first; among equals, conditions (no percent) before the fullest resource.
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || (b.percent ?? 101) - (a.percent ?? 101));
  return {
    cluster,
    ready: rows.filter((r) => r.ready === true).length,
    total: rows.length,
    cpuPercent: cpu.percent,
    memoryPercent: memory.percent,
    cpuTrend,
    cpuLevel: cpu.level,
    memoryLevel: memory.level,
    problems,
    staleMs,
  };
}
