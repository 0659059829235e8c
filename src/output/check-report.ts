import { formatAge } from '../model/age.js';
import type { ReportedAlert } from '../model/alert-report.js';
import { targetPath, targetText } from '../model/alerts.js';
import type { CheckLevel } from '../model/check-level.js';

// kmon check's answer: one line for people and monitoring systems, or every alert as JSON, so
// nothing hides behind "+N more".

export type { CheckLevel };

/** The state words of the Nagios/Icinga plugin convention, which kmon check's line starts with. */
export const CHECK_STATE: Readonly<Record<CheckLevel, string>> = { ok: 'OK', warn: 'WARNING', crit: 'CRITICAL', unknown: 'UNKNOWN' };

const SHOWN = 3;
// An alert first seen by this look is "now"; an age is worth saying from a minute.
const AGE_FROM_MS = 60_000;

function alertText(a: ReportedAlert, now: number): string {
  const age = now - a.since >= AGE_FROM_MS ? ` (${formatAge(now - a.since)})` : '';
  return `${targetText(a.target)}: ${a.message}${age}`;
}

/** "CRITICAL: node hk-7: disk at 93% (12m); node hk-7: node fs full in 40m (+1.2 GiB/min) (+2 more)". */
export function checkLine(alerts: readonly ReportedAlert[], now: number, calm: string): string {
  const worst = alerts[0]?.level ?? 'ok';
  if (worst === 'ok') return `${CHECK_STATE.ok}: ${calm}`;
  const more = alerts.length > SHOWN ? ` (+${alerts.length - SHOWN} more)` : '';
  return `${CHECK_STATE[worst]}: ${alerts
    .slice(0, SHOWN)
    .map((a) => alertText(a, now))
    .join('; ')}${more}`;
}

/** One cluster's report, as `-o json` prints it alone and a fleet's holds one per cluster. */
export function checkReport(level: CheckLevel, alerts: readonly ReportedAlert[], error?: string): Record<string, unknown> {
  return {
    level,
    ...(error === undefined ? {} : { error }),
    alerts: alerts.map((a) => ({
      level: a.level,
      kind: a.kind,
      object: targetPath(a.target),
      message: a.message,
      since: new Date(a.since).toISOString(),
      fullInSeconds: a.fullInMs === null ? null : Math.round(a.fullInMs / 1000),
    })),
  };
}

/**
 * `{"level": "crit", "alerts": [{"level", "kind", "object", "message", "since", "fullInSeconds"}]}`:
 * every alert, worst and then longest first; since is RFC 3339, fullInSeconds null where nothing
 * is projected; "error" says why when the level is unknown.
 */
export function checkJson(level: CheckLevel, alerts: readonly ReportedAlert[], error?: string): string {
  return JSON.stringify(checkReport(level, alerts, error));
}

/** A cluster of a fleet's check: its context and server, and its verdict. */
export interface ClusterCheck {
  readonly context: string;
  readonly server: string;
  readonly level: CheckLevel;
  readonly alerts: readonly ReportedAlert[];
  readonly error?: string;
}

/** `{"level", "clusters": [{"context", "server", "level", "error"?, "alerts": [...]}]}`, worst cluster first. */
export function fleetCheckJson(level: CheckLevel, clusters: readonly ClusterCheck[]): string {
  return JSON.stringify({
    level,
    clusters: clusters.map((c) => ({ context: c.context, server: c.server, ...checkReport(c.level, c.alerts, c.error) })),
  });
}

/** "prod-eu CRITICAL (node node-7: disk at 93%, +4 more)", "dev UNKNOWN (cannot reach …)", "staging OK". */
export function clusterCheckText(c: ClusterCheck): string {
  const [first] = c.alerts;
  const why = c.error ?? (first ? `${targetText(first.target)}: ${first.message}` : null);
  // A cluster that cannot be read is said in its reason alone; its alerts are that failure's.
  const more = !c.error && c.alerts.length > 1 ? `, +${c.alerts.length - 1} more` : '';
  return `${c.context} ${CHECK_STATE[c.level]}${why ? ` (${why}${more})` : ''}`;
}
