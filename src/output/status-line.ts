import { formatAge } from '../model/age.js';
import { levelGlyph } from '../model/level-glyph.js';
import { type Level, worstLevel } from '../model/levels.js';
import { sparkline } from '../model/sparkline.js';
import { formatTimeLeft } from '../model/time-left.js';
import { fitParts, type Part } from './fit-parts.js';
import { measureFor } from './text-width.js';

export type StatusFormat = 'tmux' | 'ansi' | 'plain' | 'json';

/** One alerting node figure or condition: "disk ‼ hello-kube-002 93%", "NotReady ‼ hello-kube-003". */
export interface StatusProblem {
  readonly level: Level;
  /** disk, mem, cpu, or the condition (NotReady, Disk…). */
  readonly label: string;
  readonly node: string;
  /** null for conditions. */
  readonly percent: number | null;
  /** When its alert began, if known (epoch ms). */
  readonly since?: number | null;
  /** When the disk or memory is projected full, from when the line was made; null for none. */
  readonly fullInMs?: number | null;
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
  /** Set when the cluster could not be read this time: why, in full. */
  readonly error?: string;
  /** The same in a word or two, beside old figures: "unreachable", "unauthorized", "no answer"… */
  readonly errorLabel?: string;
}

export interface StatusOptions {
  readonly format: StatusFormat;
  /** false: tmux and ANSI lines without colour or dimming (tmux's # is still escaped). */
  readonly color: boolean;
  readonly maxWidth: number;
  readonly ascii: boolean;
  /** The time problems' ages are told from (default: now). */
  readonly now?: number;
}

const TMUX_COLOUR: Readonly<Record<Level, string>> = { ok: '', warn: 'yellow', crit: 'red' };
const ANSI_COLOUR: Readonly<Record<Level, string>> = { ok: '', warn: '33', crit: '31' };

function pct(p: number | null): string {
  return p === null ? '?' : `${Math.trunc(p)}%`;
}

// Younger than this, an alert's age is not worth the room in a status bar.
const AGE_SHOWN_FROM_MS = 60_000;

/** "12m · full 40m": how long a problem has lasted, and when its resource is projected full. */
function lifeText(p: StatusProblem, now: number, dot: string): string {
  const age = p.since == null || now - p.since < AGE_SHOWN_FROM_MS ? '' : formatAge(now - p.since);
  const full = p.fullInMs == null ? '' : `full ${formatTimeLeft(p.fullInMs)}`;
  return age && full ? `${age} ${dot} ${full}` : age || full;
}

function parts(data: StatusData, ascii: boolean, now: number): Part[] {
  const glyph = (level: Level) => (level === 'ok' ? '' : `${levelGlyph(level, ascii)} `);
  const problemText = (p: StatusProblem) => `${p.label} ${glyph(p.level)}${p.node}${p.percent === null ? '' : ` ${pct(p.percent)}`}`;
  const cluster: Part = { text: `${ascii ? '*' : '⎈'} ${data.cluster}`, level: 'ok', priority: 100, keep: true };
  // A cluster that cannot be read says so before anything else, in red: in a word beside the last
  // known figures (then marked stale), in full where there are none.
  const down = (text: string): Part[] => [{ text: `${ascii ? 'X' : '✗'} ${text}`, level: 'crit', priority: 99, keep: true }];
  if (data.error && data.staleMs === null) return [cluster, ...down(data.error)];
  const ready = `${data.ready}/${data.total}`;
  // Every node Ready gives way before any problem does; fewer is itself an alert.
  const list: Part[] = [
    cluster,
    ...(data.error ? down(data.errorLabel ?? data.error) : []),
    data.ready < data.total ? { text: ready, level: 'crit', priority: 95 } : { text: ready, level: 'ok', priority: 65 },
  ];
  if (data.staleMs !== null)
    list.push({ text: `stale ${formatAge(data.staleMs)}`, compact: 'stale', level: 'warn', priority: 97, dim: true, keep: true });
  list.push({ text: `cpu ${glyph(data.cpuLevel)}${pct(data.cpuPercent)}`, level: data.cpuLevel, priority: 60 });
  if (data.cpuTrend.length > 1)
    list.push({ text: sparkline(data.cpuTrend, { width: 4, ascii, max: 100 }), level: 'ok', priority: 20, dim: true, joins: true });
  list.push({ text: `mem ${glyph(data.memoryLevel)}${pct(data.memoryPercent)}`, level: data.memoryLevel, priority: 55 });
  // Short of room, a problem names just its node, unless a worse one names it already.
  data.problems.forEach((p, i) => {
    const named = data.problems.slice(0, i).some((q) => q.node === p.node);
    const compact = named ? undefined : `${glyph(p.level)}${p.node}`;
    // The worst always stays, but for a cluster that cannot be read: then its old problems give way.
    list.push({ text: problemText(p), compact, level: p.level, priority: 90 - i, keep: i === 0 && !data.error, repeats: named });
    // Its age and projection give way before the memory figure does, the worst problem's last.
    const life = lifeText(p, now, ascii ? '-' : '·');
    if (life) list.push({ text: life, level: p.level, priority: 56 - i / 100, joins: true });
  });
  return list;
}

export function paint(part: Part, format: StatusFormat, color: boolean): string {
  if (format === 'tmux') {
    // tmux reads #[…] and #(…) in status text: a literal # must be doubled.
    const text = part.text.replaceAll('#', '##');
    if (!color) return text;
    const colour = TMUX_COLOUR[part.level];
    if (colour) return `#[fg=${colour}${part.level === 'crit' ? ',bold' : ''}]${text}#[default]`;
    return part.dim ? `#[dim]${text}#[default]` : text;
  }
  if (format === 'ansi' && color) {
    const colour = ANSI_COLOUR[part.level];
    if (colour) return `\x1b[${part.level === 'crit' ? '1;' : ''}${colour}m${part.text}\x1b[0m`;
    return part.dim ? `\x1b[2m${part.text}\x1b[0m` : part.text;
  }
  return part.text;
}

/** The overall level of the line: for `kmon check` and for JSON. */
export function statusLevel(data: StatusData): Level {
  if (data.error) return 'crit';
  return worstLevel(data.cpuLevel, data.memoryLevel, data.ready < data.total ? 'crit' : 'ok', ...data.problems.map((p) => p.level));
}

/** What `--format json` prints of one cluster (a fleet's JSON holds one per cluster). */
export function statusObject(data: StatusData): Record<string, unknown> {
  return {
    cluster: data.cluster,
    level: statusLevel(data),
    // Nothing ever read (an error and no last figures): no count at all, never "0 of 0 Ready".
    nodes: data.error && data.staleMs === null ? null : { ready: data.ready, total: data.total },
    cpu: { percent: data.cpuPercent, level: data.cpuLevel, trend: data.cpuTrend.map((v) => Math.round(v * 10) / 10) },
    memory: { percent: data.memoryPercent, level: data.memoryLevel },
    problems: data.problems.map(({ since, fullInMs, ...p }) => ({
      ...p,
      percent: p.percent === null ? null : Math.trunc(p.percent),
      since: since == null ? null : new Date(since).toISOString(),
      fullInSeconds: fullInMs == null ? null : Math.round(fullInMs / 1000),
    })),
    stale: data.staleMs !== null,
    ...(data.error ? { error: data.error, reason: data.errorLabel ?? null } : {}),
    ageSeconds: data.staleMs === null ? 0 : Math.round(data.staleMs / 1000),
  };
}

/** The line in the chosen format; never wider than `maxWidth` columns on screen. */
export async function statusLine(data: StatusData, options: StatusOptions): Promise<string> {
  if (options.format === 'json') return JSON.stringify(statusObject(data));
  const all = parts(data, options.ascii, options.now ?? Date.now());
  const measure = await measureFor(all.map((p) => p.text));
  return fitParts(all, options.maxWidth, { measure, ellipsis: options.ascii ? '~' : '…' })
    .map((p) => paint(p, options.format, options.color))
    .join(' ');
}
