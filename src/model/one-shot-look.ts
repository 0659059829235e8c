import { observe } from './alert-findings.js';
import { type ReportedAlert, reportAlerts } from './alert-report.js';
import { nextAlerts } from './alert-step.js';
import { type AlertState, EMPTY_ALERTS } from './alerts.js';
import { buildNodeRows, type NodeRow } from './node-row.js';
import type { PodRow } from './pod-row.js';
import type { PodInfo } from './records.js';
import { NO_SAMPLES, type NodeSamples, recallHistories, rememberSamples } from './remembered-samples.js';
import type { Snapshot } from './snapshot.js';
import type { Thresholds } from './thresholds.js';
import type { TrendWindow } from './trend.js';

// kmon status and kmon check look at the cluster once per run. What they remember between runs (the
// alerts' state and each node's recent samples) gives their alerts an age and their nodes a trend.

export interface Remembered {
  readonly samples: NodeSamples;
  readonly alerts: AlertState;
}

export const NOTHING_REMEMBERED: Remembered = { samples: NO_SAMPLES, alerts: EMPTY_ALERTS };

/** Runs come seconds to minutes apart: trends over about the last hour, from 4 samples and a minute. */
export const SPARSE: TrendWindow = { windowMs: 60 * 60_000, minSamples: 4, minSpanMs: 60_000 };

export interface Look {
  /** To keep for the next run. */
  readonly remembered: Remembered;
  readonly nodes: readonly NodeRow[];
  /** Every alert found, worst and then longest first. */
  readonly alerts: readonly ReportedAlert[];
}

/** One look at a snapshot with what earlier runs remembered; `pods` are the pods to judge (alerting ones). */
export function lookOnce(
  prev: Remembered,
  snapshot: Snapshot,
  thresholds: Thresholds,
  pods: readonly { readonly pod: PodInfo; readonly row: PodRow }[],
  now: number,
): Look {
  const samples = rememberSamples(prev.samples, snapshot, now);
  // History as of this look: seq 0 is the tick the recalled samples carry.
  const recalled = { ...snapshot, seq: 0, history: recallHistories(samples, snapshot.nodes) };
  const nodes = buildNodeRows(recalled, thresholds, SPARSE);
  const observation = observe({
    nodes,
    nodeInfo: snapshot.nodes,
    pods,
    problems: snapshot.problems,
    thresholds,
    terminationsOf: null,
    now,
  });
  const state = nextAlerts(prev.alerts, observation, now);
  // The log is the live screen's; a face that looks now and then keeps only what dates its alerts.
  return {
    remembered: { samples, alerts: { ...state, log: [], seen: [] } },
    nodes,
    alerts: reportAlerts(state, observation.findings, now),
  };
}
