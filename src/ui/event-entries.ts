import type { Alert, AlertState, AlertTarget, Transition } from '../model/alerts.js';
import { levelRank } from '../model/levels.js';
import type { Pane } from './state.js';

/** One line of the events pane: an alert firing now, or a change from the log. */
export type EventEntry =
  | { readonly id: string; readonly type: 'firing'; readonly alert: Alert }
  | { readonly id: string; readonly type: 'log'; readonly transition: Transition };

/** Firing alerts, worst first and then the longest-lasting first. */
export function firingOrder(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.since - b.since);
}

/** The pane's lines: firing alerts first, then the log, newest first. */
export function eventEntries(state: AlertState): EventEntry[] {
  return [
    ...firingOrder(state.firing).map((alert): EventEntry => ({ id: `firing ${alert.key}`, type: 'firing', alert })),
    ...state.log.map(
      (transition): EventEntry => ({
        id: `log ${transition.at} ${transition.change} ${transition.key}`,
        type: 'log',
        transition,
      }),
    ),
  ];
}

export function entryTarget(entry: EventEntry): AlertTarget {
  return entry.type === 'firing' ? entry.alert.target : entry.transition.target;
}

/** Where Enter on an entry leads: its node's or pod's row; nowhere for the cluster's own alerts. */
export function paneOf(target: AlertTarget): { pane: Pane; uid: string } | null {
  if (!target.uid || target.kind === 'cluster') return null;
  return { pane: target.kind === 'pod' ? 'pods' : 'nodes', uid: target.uid };
}
