import { levelRank } from '../model/levels.js';
import type { NodeRow } from '../model/node-row.js';
import { levelOf, type Thresholds } from '../model/thresholds.js';
import type { StatusData, StatusProblem } from './status-line.js';

function clusterPercent(rows: readonly NodeRow[], pick: (r: NodeRow) => NodeRow['cpu']): number | null {
  let used = 0;
  let total = 0;
  for (const row of rows) {
    const f = pick(row);
    if (f.used === null || f.total === null) continue;
    used += f.used;
    total += f.total;
  }
  return total > 0 ? (used / total) * 100 : null;
}

function nodeProblems(row: NodeRow): StatusProblem[] {
  const out: StatusProblem[] = [];
  for (const label of row.conditionAlerts) out.push({ level: row.statusLevel, label, node: row.name, percent: null });
  const figures = [
    ['disk', row.disk],
    ['mem', row.memory],
    ['cpu', row.cpu],
  ] as const;
  for (const [label, f] of figures) {
    if (f.level !== 'ok') out.push({ level: f.level, label, node: row.name, percent: f.percent });
  }
  return out;
}

/** One status line's worth of a cluster: totals, the CPU trend, and every node problem, worst first. */
export function statusData(
  cluster: string,
  rows: readonly NodeRow[],
  thresholds: Thresholds,
  cpuTrend: readonly number[],
  staleMs: number | null,
): StatusData {
  const cpuPercent = clusterPercent(rows, (r) => r.cpu);
  const memoryPercent = clusterPercent(rows, (r) => r.memory);
  const problems = rows
    .flatMap(nodeProblems)
    // Worst level first; among equals, conditions (no percent) before the fullest resource.
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || (b.percent ?? 101) - (a.percent ?? 101));
  return {
    cluster,
    ready: rows.filter((r) => r.ready === true).length,
    total: rows.length,
    cpuPercent,
    memoryPercent,
    cpuTrend,
    cpuLevel: levelOf(cpuPercent, thresholds.cpu),
    memoryLevel: levelOf(memoryPercent, thresholds.memory),
    problems,
    staleMs,
  };
}
