import type { CheckLevel } from '../model/check-level.js';
import type { Level } from '../model/levels.js';

/** One alert of a check: what alerts ("node/node-7", "pod/web/api-1") and why. */
export interface CheckFinding {
  readonly level: Level;
  readonly object: string;
  readonly message: string;
}

/** One cluster's verdict: its level, every alert worst first, and why it could not be read if so. */
export interface CheckReport {
  readonly level: CheckLevel;
  readonly alerts: readonly CheckFinding[];
  readonly error?: string;
}

/** A cluster of a fleet check, named by its context and server. */
export interface ClusterReport extends CheckReport {
  readonly context: string;
  readonly server: string;
}

function reportJson(report: CheckReport) {
  return {
    level: report.level,
    alerts: report.alerts.map((a) => ({ level: a.level, object: a.object, message: a.message })),
    ...(report.error === undefined ? {} : { error: report.error }),
  };
}

/** `kmon check -o json`: `{"level", "alerts": [{"level", "object", "message"}]}`, with "error" when unknown. */
export function checkJson(report: CheckReport): string {
  return JSON.stringify(reportJson(report));
}

/** A fleet's: `{"level", "clusters": [{"context", "server", "level", "alerts", "error"?}]}`, worst cluster first. */
export function fleetCheckJson(level: CheckLevel, clusters: readonly ClusterReport[]): string {
  return JSON.stringify({ level, clusters: clusters.map((c) => ({ context: c.context, server: c.server, ...reportJson(c) })) });
}
