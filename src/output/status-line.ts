import stringWidth from 'string-width';
import { formatAge } from '../model/age.js';
import { levelGlyph } from '../model/level-glyph.js';
import { type Level, worstLevel } from '../model/levels.js';
import { sparkline } from '../model/sparkline.js';

export type StatusFormat = 'tmux' | 'ansi' | 'plain' | 'json';

/** One alerting node figure or condition: "disk ‼ hello-kube-002 93%", "NotReady ‼ hello-kube-003". */
export interface StatusProblem {
  readonly level: Level;
  /** disk, mem, cpu, or the condition (NotReady, Disk…). */
  readonly label: string;
  readonly node: string;
  /** null for conditions. */
  readonly percent: number | null;
}

export interface StatusData {
  readonly cluster: string;
  readonly ready: number;
  readonly total: number;
  readonly cpuPercent: number | null;
  readonly memoryPercent: number | null;
  /** Cluster CPU % per metrics sample, oldest first. */
  readonly cpuTrend: readonly number[];
  readonly cpuLevel: Level;
  readonly memoryLevel: Level;
  readonly problems: readonly StatusProblem[];
  /** Set when the cluster did not answer in time and these are the last known figures. */
  readonly staleMs: number | null;
  /** Set when nothing is known at all: why. */
  readonly error?: string;
}

export interface StatusOptions {
  readonly format: StatusFormat;
  readonly maxWidth: number;
  readonly ascii: boolean;
}

interface Part {
  readonly text: string;
  readonly level: Level;
  /** Parts with the lowest priority go first when the line is too long. */
  readonly priority: number;
  readonly dim?: boolean;
}

const TMUX_COLOUR: Readonly<Record<Level, string>> = { ok: '', warn: 'yellow', crit: 'red' };
const ANSI_COLOUR: Readonly<Record<Level, string>> = { ok: '', warn: '33', crit: '31' };

function pct(p: number | null): string {
  return p === null ? '?' : `${Math.trunc(p)}%`;
}

function parts(data: StatusData, ascii: boolean): Part[] {
  const glyph = (level: Level) => (level === 'ok' ? '' : `${levelGlyph(level, ascii)} `);
  const problemText = (p: StatusProblem) => `${p.label} ${glyph(p.level)}${p.node}${p.percent === null ? '' : ` ${pct(p.percent)}`}`;
  const list: Part[] = [
    { text: `${ascii ? '*' : '⎈'} ${data.cluster}`, level: 'ok', priority: 100 },
    { text: `${data.ready}/${data.total}`, level: data.ready < data.total ? 'crit' : 'ok', priority: 95 },
  ];
  if (data.error) return [...list.slice(0, 1), { text: `${glyph('crit')}${data.error}`, level: 'crit', priority: 99 }];
  if (data.staleMs !== null) list.push({ text: `stale ${formatAge(data.staleMs)}`, level: 'warn', priority: 97, dim: true });
  list.push({ text: `cpu ${glyph(data.cpuLevel)}${pct(data.cpuPercent)}`, level: data.cpuLevel, priority: 60 });
  if (data.cpuTrend.length > 1)
    list.push({ text: sparkline(data.cpuTrend, { width: 4, ascii, max: 100 }), level: 'ok', priority: 20, dim: true });
  list.push({ text: `mem ${glyph(data.memoryLevel)}${pct(data.memoryPercent)}`, level: data.memoryLevel, priority: 55 });
  data.problems.forEach((p, i) => {
    list.push({ text: problemText(p), level: p.level, priority: 90 - i });
  });
  return list;
}

function fitParts(list: Part[], maxWidth: number): Part[] {
  const kept = [...list];
  const width = () => kept.reduce((n, p, i) => n + stringWidth(p.text) + (i ? 1 : 0), 0);
  while (kept.length > 1 && width() > maxWidth) {
    const lowest = kept.reduce((a, b) => (b.priority < a.priority ? b : a));
    kept.splice(kept.indexOf(lowest), 1);
  }
  return kept;
}

function paint(part: Part, format: StatusFormat): string {
  if (format === 'tmux') {
    // tmux reads #[…] and #(…) in status text: a literal # must be doubled.
    const text = part.text.replaceAll('#', '##');
    const colour = TMUX_COLOUR[part.level];
    if (colour) return `#[fg=${colour}${part.level === 'crit' ? ',bold' : ''}]${text}#[default]`;
    return part.dim ? `#[dim]${text}#[default]` : text;
  }
  if (format === 'ansi') {
    const colour = ANSI_COLOUR[part.level];
    if (colour) return `\x1b[${part.level === 'crit' ? '1;' : ''}${colour}m${part.text}\x1b[0m`;
    return part.dim ? `\x1b[2m${part.text}\x1b[0m` : part.text;
  }
  return part.text;
}

function truncate(line: string, maxWidth: number): string {
  if (stringWidth(line) <= maxWidth) return line;
  const chars = [...line];
  while (chars.length && stringWidth(chars.join('')) > maxWidth - 1) chars.pop();
  return `${chars.join('')}…`;
}

/** The overall level of the line: for `kmon check` and for JSON. */
export function statusLevel(data: StatusData): Level {
  if (data.error) return 'crit';
  return worstLevel(data.cpuLevel, data.memoryLevel, data.ready < data.total ? 'crit' : 'ok', ...data.problems.map((p) => p.level));
}

export function statusLine(data: StatusData, options: StatusOptions): string {
  if (options.format === 'json') {
    return JSON.stringify({
      cluster: data.cluster,
      level: statusLevel(data),
      nodes: { ready: data.ready, total: data.total },
      cpu: { percent: data.cpuPercent, level: data.cpuLevel, trend: data.cpuTrend.map((v) => Math.round(v * 10) / 10) },
      memory: { percent: data.memoryPercent, level: data.memoryLevel },
      problems: data.problems.map((p) => ({ ...p, percent: p.percent === null ? null : Math.trunc(p.percent) })),
      stale: data.staleMs !== null,
      ...(data.error ? { error: data.error } : {}),
      ageSeconds: data.staleMs === null ? 0 : Math.round(data.staleMs / 1000),
    });
  }
  const kept = fitParts(parts(data, options.ascii), options.maxWidth);
  if (options.format === 'plain') return truncate(kept.map((p) => p.text).join(' '), options.maxWidth);
  // Painted text can only be cut between parts; a lone part wider than the line is cut as text first.
  return kept.map((p) => paint({ ...p, text: truncate(p.text, options.maxWidth) }, options.format)).join(' ');
}
