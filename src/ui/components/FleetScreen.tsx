import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { Thresholds } from '../../model/thresholds.js';
import { FleetAlerts } from '../fleet-alerts.js';
import { fleetReducer, initialFleetState } from '../fleet-reducer.js';
import type { FleetSource } from '../hooks/use-fleet-rows.js';
import type { Theme } from '../theme.js';
import { App } from './App.js';
import { FleetView } from './FleetView.js';
import { UnopenedCluster } from './UnopenedCluster.js';

export interface FleetScreenProps {
  readonly fleet: FleetSource;
  readonly thresholds: Thresholds;
  readonly theme: Theme;
  /** -n: the namespace each cluster's screen starts in (null: all). */
  readonly namespace: string | null;
  readonly intervalMs: number;
  readonly backgroundMs: number;
  /** A node's or pod's detail opened on a cluster's screen: its past may be fetched. */
  readonly onDetail?: (context: string, pane: 'nodes' | 'pods', uid: string) => void;
  readonly suspend?: () => Promise<void>;
}

/**
 * The fleet view and the cluster screens it opens (Enter, or a context picked with c; Esc comes
 * back). A run about one cluster has no fleet view: c switches the one cluster on screen. The fleet
 * view's sort, filter and selection live here, so they are as left when Esc brings it back.
 */
export function FleetScreen(props: FleetScreenProps) {
  const { fleet, thresholds, theme, namespace, intervalMs, backgroundMs, onDetail, suspend } = props;
  const [state, dispatch] = useReducer(fleetReducer, fleet.multi ? null : (fleet.members()[0]?.context ?? null), initialFleetState);
  // Opening a context not watched yet starts its collector, so it is done as the choice is made
  // rather than after the frame that would show it.
  const member = useMemo(() => (state.open === null ? null : fleet.open(state.open)), [fleet, state.open]);
  // Every cluster's alerts move on with each of its snapshots, on screen or not.
  const alerts = useMemo(() => new FleetAlerts(thresholds), [thresholds]);
  useEffect(() => {
    const observe = () => alerts.observe(fleet.members());
    observe();
    return fleet.subscribe(observe);
  }, [fleet, alerts]);
  useEffect(() => {
    if (member) fleet.onScreen([member.context]);
  }, [fleet, member]);
  const leave = useCallback(() => dispatch({ type: 'close' }), []);
  const switchTo = useCallback((context: string) => dispatch({ type: 'open', context }), []);
  const collector = member?.collector;
  const visibleNodes = useCallback(
    (names: readonly string[]) => {
      collector?.prioritizeNodes(names);
    },
    [collector],
  );
  const podNodes = useCallback(
    (names: readonly string[]) => {
      collector?.prioritizePodNodes(names);
    },
    [collector],
  );
  const context = member?.context;
  const detailOpened = useCallback(
    (pane: 'nodes' | 'pods', uid: string) => {
      if (context !== undefined) onDetail?.(context, pane, uid);
    },
    [onDetail, context],
  );

  if (!member) {
    return (
      <FleetView
        fleet={fleet}
        state={state}
        dispatch={dispatch}
        thresholds={thresholds}
        alerts={alerts}
        theme={theme}
        intervalMs={intervalMs}
        backgroundMs={backgroundMs}
        suspend={suspend}
      />
    );
  }
  if (!collector) {
    return (
      <UnopenedCluster
        context={member.context}
        error={member.error ?? 'cannot be opened'}
        contexts={fleet.contexts}
        canLeave={fleet.multi}
        state={state}
        dispatch={dispatch}
        theme={theme}
      />
    );
  }
  return (
    <App
      key={member.context}
      source={collector}
      thresholds={thresholds}
      theme={theme}
      namespace={namespace}
      onVisibleNodes={visibleNodes}
      onPodNodes={podNodes}
      onDetail={onDetail ? detailOpened : undefined}
      suspend={suspend}
      contexts={fleet.contexts}
      onSwitchContext={switchTo}
      onLeave={fleet.multi ? leave : undefined}
      alertBook={alerts.book(member.context)}
    />
  );
}
