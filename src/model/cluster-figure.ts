import type { Figure } from './figure.js';
import type { NodeRow } from './node-row.js';
import { levelOf, type Thresholds } from './thresholds.js';

/** A figure of the whole cluster: the nodes' usage over their allocatable, counting only nodes with both. */
export function clusterFigure(rows: readonly NodeRow[], pick: (r: NodeRow) => Figure, threshold: Thresholds['cpu']): Figure {
  let used = 0;
  let total = 0;
  for (const row of rows) {
    const f = pick(row);
    if (f.used === null || f.total === null) continue;
    used += f.used;
    total += f.total;
  }
  const percent = total > 0 ? (used / total) * 100 : null;
  return { used: total > 0 ? used : null, total: total > 0 ? total : null, percent, level: levelOf(percent, threshold) };
}
