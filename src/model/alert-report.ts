import type { AlertKind, AlertState, AlertTarget, Finding } from './alerts.js';
import { type Level, levelRank } from './levels.js';

/** An alert as the one-shot faces report it: firing, or over its line though its for: has not passed. */
export interface ReportedAlert {
  readonly key: string;
  readonly level: Level;
  readonly kind: AlertKind;
  readonly target: AlertTarget;
  readonly message: string;
  /** When it began: as remembered from earlier runs, as its object says, or now. */
  readonly since: number;
  /** Time to full (fill, OOM) from now; null where nothing is projected. */
  readonly fullInMs: number | null;
}

/**
 * Every alert a look at the cluster finds, worst first and then the longest-lasting: those firing,
 * and those over their line still waiting out their for: (a single look cannot wait for it).
 */
export function reportAlerts(state: AlertState, findings: readonly Finding[], now: number): ReportedAlert[] {
  const firing = new Map(state.firing.map((a) => [a.key, a]));
  const pending = new Map(state.pending.map((p) => [p.key, p.since]));
  const out: ReportedAlert[] = state.firing.map(({ key, level, kind, target, message, since, fullInMs }) => ({
    key,
    level,
    kind,
    target,
    message,
    since,
    fullInMs,
  }));
  const seen = new Set(firing.keys());
  for (const f of findings) {
    if (seen.has(f.key) || f.level === 'ok') continue;
    seen.add(f.key);
    const since = pending.get(f.key) ?? Math.min(now, f.startedAt ?? now);
    out.push({ key: f.key, level: f.level, kind: f.kind, target: f.target, message: f.message, since, fullInMs: f.fullInMs ?? null });
  }
  return out.sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.since - b.since);
}
