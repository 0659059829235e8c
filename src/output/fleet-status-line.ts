import { formatAge } from '../model/age.js';
import { levelGlyph } from '../model/level-glyph.js';
import { type Level, levelRank } from '../model/levels.js';
import { fitParts, type Part } from './fit-parts.js';
import { paint, type StatusData, type StatusOptions, statusLevel, statusObject } from './status-line.js';
import { measureFor } from './text-width.js';

/** One cluster of a fleet's status line: its context and what `kmon status` read of it. */
export interface FleetStatus {
  readonly context: string;
  readonly data: StatusData;
}

const pct = (p: number | null) => (p === null ? '?' : `${Math.trunc(p)}%`);

/** Worst first (a cluster that cannot be read counts as crit), the command line's order among equals. */
export function worstFirst(clusters: readonly FleetStatus[]): FleetStatus[] {
  return clusters
    .map((c, i) => ({ c, i, rank: levelRank(statusLevel(c.data)) }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * One cluster's short part: its name, then why it cannot be read, or its worst problem, or that all
 * is well. `order` is its place in the line: the same kind of part gives way in later clusters first.
 */
function clusterParts({ context, data }: FleetStatus, order: number, ascii: boolean): Part[] {
  const nudge = order / 100;
  const glyph = (level: Level) => (level === 'ok' ? '' : `${levelGlyph(level, ascii)} `);
  const name: Part = {
    text: order === 0 ? `${ascii ? '*' : '⎈'} ${context}` : `${ascii ? '|' : '│'} ${context}`,
    level: 'ok',
    priority: 99 - nudge,
    keep: true,
  };
  const parts: Part[] = [name];
  if (data.error) {
    // In a word ("unreachable"): the line has room for a part per cluster, not for full reasons.
    const text = `${ascii ? 'X' : '✗'} ${data.errorLabel ?? data.error}`;
    parts.push({ text, level: 'crit', priority: 95 - nudge, keep: true });
  }
  if (data.staleMs !== null)
    parts.push({ text: `stale ${formatAge(data.staleMs)}`, compact: 'stale', level: 'warn', priority: 70 - nudge, dim: true });
  if (data.ready < data.total) parts.push({ text: `${data.ready}/${data.total}`, level: 'crit', priority: 80 - nudge });
  const [worst] = data.problems;
  if (worst) {
    const figure = worst.percent === null ? '' : ` ${pct(worst.percent)}`;
    const more = data.problems.length > 1 ? ` +${data.problems.length - 1}` : '';
    // Short of room, what is wrong without where: node names are long, and a fleet's line has many.
    parts.push({
      text: `${worst.label} ${glyph(worst.level)}${worst.node}${figure}${more}`,
      compact: `${glyph(worst.level)}${worst.label}${figure}`,
      level: worst.level,
      priority: 90 - nudge,
      keep: true,
    });
  } else if (!data.error) {
    parts.push({
      text: `cpu ${glyph(data.cpuLevel)}${pct(data.cpuPercent)}`,
      compact: ascii ? 'ok' : '✓',
      level: data.cpuLevel,
      priority: 40 - nudge,
    });
  }
  return parts;
}

/** Whether every part kept reads in full or in its short form: nothing cut with an ellipsis. */
function uncut(kept: readonly Part[], offered: readonly Part[]): boolean {
  const whole = new Set(offered.flatMap((p) => (p.compact === undefined ? [p.text] : [p.text, p.compact])));
  return kept.every((p) => whole.has(p.text));
}

/**
 * One line for several clusters, worst first, never wider than `maxWidth`: a short part per
 * cluster, details giving way first; rather than cut anything short with "…", the calmest clusters
 * are left out and counted ("+3 more"), down to the worst alone.
 */
export async function fleetStatusLine(clusters: readonly FleetStatus[], options: StatusOptions): Promise<string> {
  const ordered = worstFirst(clusters);
  if (options.format === 'json') {
    const level = ordered[0] ? statusLevel(ordered[0].data) : 'ok';
    return JSON.stringify({ level, clusters: ordered.map((c) => ({ context: c.context, ...statusObject(c.data) })) });
  }
  const perCluster = ordered.map((c, i) => clusterParts(c, i, options.ascii));
  const measure = await measureFor(perCluster.flat().map((p) => p.text));
  const cutting = { measure, ellipsis: options.ascii ? '~' : '…' };
  let kept: Part[] = [];
  for (let shown = ordered.length; shown >= 1; shown--) {
    const left = ordered.length - shown;
    const parts = perCluster.slice(0, shown).flat();
    if (left) parts.push({ text: `+${left} more`, level: 'ok', priority: 98, keep: true, dim: true });
    kept = fitParts(parts, options.maxWidth, cutting);
    if (uncut(kept, parts)) break;
  }
  return kept.map((p) => paint(p, options.format, options.color)).join(' ');
}
