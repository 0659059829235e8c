import { commandFor, keyOf } from './keymap.js';
import { reducer } from './reducer.js';
import { type Action, initialState, type UiState } from './state.js';

// The fleet view is a pane of clusters driven by the same keys and reducer as the node pane (move,
// sort, filter, help, the context picker), so it behaves as the other panes do. What is left here
// is what a fleet adds: which cluster's screen is open, and the keys that have no meaning for it.

export interface FleetUiState extends UiState {
  /** The context whose cluster screen is shown; null: the fleet view. */
  readonly open: string | null;
}

export type FleetAction = Action | { readonly type: 'open'; readonly context: string } | { readonly type: 'close' };

/** Keys of the cluster screen with nothing to do in the fleet view. */
const CLUSTER_ONLY = new Set(['switch-pane', 'namespace', 'problem-pods', 'node-pods', 'sort-restarts', 'pause', 'events']);

export function initialFleetState(open: string | null): FleetUiState {
  const ui = initialState(null);
  // Worst cluster first until the user picks an order.
  const nodes = { ...ui.panes.nodes, sort: { column: 'worst', descending: true } };
  return { ...ui, panes: { ...ui.panes, nodes }, open };
}

function refusal(action: Action): string | null {
  if (action.type !== 'key') return null;
  const command = commandFor(action.input, action.key, 'table');
  if (!command || !CLUSTER_ONLY.has(command)) return null;
  const { label, help } = keyOf(command);
  return `${label}: ${help}, on a cluster's screen (Enter opens one)`;
}

export function fleetReducer(state: FleetUiState, action: FleetAction): FleetUiState {
  if (action.type === 'open') return { ...state, open: action.context };
  if (action.type === 'close') return { ...state, open: null };
  const refused = state.mode === 'table' ? refusal(action) : null;
  if (refused) return { ...state, notice: refused };
  const next: FleetUiState = { ...reducer(state, action), open: state.open };
  // Enter on a row, or a context picked: that cluster's screen.
  if (next.mode === 'detail' && next.detail) return { ...next, mode: 'table', detail: null, open: next.detail.uid };
  if (next.switchTo) return { ...next, switchTo: null, open: next.switchTo };
  // Esc on a context that could not be opened: back to the fleet.
  if (next.leaving) return { ...next, leaving: false, open: null };
  // Keys pasted in one go skip the refusal above; whatever they changed that has no meaning here goes back.
  if (next.focus !== 'nodes' || next.mode === 'namespace' || next.mode === 'events') return { ...next, focus: 'nodes', mode: 'table' };
  return next;
}
