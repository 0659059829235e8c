import type { Alert, AlertKind, AlertState, AlertTarget, Finding, Termination, Transition } from './alerts.js';
import { type Level, levelRank, worstLevel } from './levels.js';

/** What one snapshot says, as alert-findings.ts reads it. */
export interface Observation {
  readonly findings: readonly Finding[];
  /**
   * Whether the snapshot cannot tell about an alert it has no finding for (its figure is unknown,
   * e.g. the Metrics API failed): such an alert stays as it was rather than clearing without data.
   */
  readonly unknown: (alert: { readonly kind: AlertKind; readonly target: AlertTarget }) => boolean;
  /** Containers' last terminations; only new ones are logged. */
  readonly terminations: readonly Termination[];
}

// Enough for an incident's worth of transitions; older ones drop off.
export const LOG_SIZE = 500;
// A termination is remembered past the hour pods report it as recent, so it is logged only once.
const SEEN_MS = 2 * 3_600_000;

function lower(a: Level, b: Level): Level {
  return levelRank(a) < levelRank(b) ? a : b;
}

function alertOf(f: Finding, since: number): Alert {
  const { key, kind, target, level, message, cleared } = f;
  return { key, kind, target, level, message, ...(cleared ? { cleared } : {}), since, fullInMs: f.fullInMs ?? null };
}

function transition(a: Alert, change: Transition['change'], now: number, message = a.message): Transition {
  return { at: now, change, key: a.key, kind: a.kind, target: a.target, level: a.level, message, durationMs: now - a.since };
}

const clearedText = (a: Alert) => a.cleared ?? `${a.message} cleared`;

/** A firing alert against this snapshot's finding: kept, worse, better or cleared. */
function follow(current: Alert, f: Finding, now: number, log: Transition[]): Alert | null {
  // Hysteresis: a firing alert holds its level until the figure drops below the clearing line.
  const level = worstLevel(f.level, lower(current.level, f.hold));
  if (level === 'ok') {
    log.push(transition(current, 'cleared', now, clearedText(current)));
    return null;
  }
  const next = { ...alertOf(f, current.since), level };
  if (level !== current.level) log.push(transition(next, levelRank(level) > levelRank(current.level) ? 'worse' : 'better', now));
  return next;
}

function newTerminations(prev: AlertState, terminations: readonly Termination[], now: number, log: Transition[]) {
  const seen = new Map(prev.seen.filter((s) => s.at >= now - SEEN_MS).map((s) => [s.key, s.at]));
  for (const t of terminations) {
    if (seen.has(t.key)) continue;
    seen.set(t.key, t.at);
    const level = t.oom ? 'crit' : 'warn';
    const change = t.oom ? 'oom-killed' : 'restarted';
    log.push({ at: t.at, change, key: t.key, kind: 'pod', target: t.target, level, message: t.message, durationMs: null });
  }
  return [...seen].map(([key, at]) => ({ key, at }));
}

/**
 * The alert state after one more snapshot (pure): problems over their line for their `for:` fire,
 * firing ones follow their level with a little hysteresis, and each change goes in the log.
 */
export function nextAlerts(prev: AlertState, observation: Observation, now: number): AlertState {
  const firing = new Map(prev.firing.map((a) => [a.key, a]));
  const pendingSince = new Map(prev.pending.map((p) => [p.key, p.since]));
  const log: Transition[] = [];
  const nextFiring: Alert[] = [];
  const pending: { key: string; since: number }[] = [];
  const found = new Set<string>();
  for (const f of observation.findings) {
    if (found.has(f.key)) continue;
    found.add(f.key);
    const current = firing.get(f.key);
    if (current) {
      const next = follow(current, f, now, log);
      if (next) nextFiring.push(next);
      continue;
    }
    if (f.level === 'ok') continue;
    const since = Math.min(pendingSince.get(f.key) ?? now, f.startedAt ?? now);
    if (now - since < f.forMs) {
      pending.push({ key: f.key, since });
      continue;
    }
    const alert = alertOf(f, since);
    nextFiring.push(alert);
    log.push(transition(alert, 'raised', now));
  }
  for (const a of prev.firing) {
    if (found.has(a.key)) continue;
    if (observation.unknown(a)) nextFiring.push(a);
    else log.push(transition(a, 'cleared', now, clearedText(a)));
  }
  const seen = newTerminations(prev, observation.terminations, now, log);
  const merged = log.length ? [...log, ...prev.log].sort((a, b) => b.at - a.at).slice(0, LOG_SIZE) : prev.log;
  return { at: now, firing: nextFiring, pending, log: merged, seen };
}
