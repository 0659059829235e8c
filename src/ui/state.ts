import type { SortState } from '../model/pane-order.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Command } from './keymap.js';

// One pure reducer for everything the screen remembers. A snapshot arriving is not an action here:
// the live snapshot flows in as a prop; only pausing captures one.

export type Pane = 'nodes' | 'pods';
export type Mode = 'table' | 'filter' | 'namespace' | 'help' | 'detail';

export interface PaneState {
  readonly sort: SortState;
  /** Whether the user picked the sort (narrow panes otherwise sort worst first). */
  readonly sortChosen: boolean;
  readonly filter: string;
  /** Selection follows the object (by UID), not the line, as rows reorder on every poll. */
  readonly selected: string | null;
  readonly scrollTop: number;
}

export interface UiState {
  readonly focus: Pane;
  readonly mode: Mode;
  readonly panes: Readonly<Record<Pane, PaneState>>;
  readonly namespace: string | null;
  /** When set, the pod pane shows only this node's pods. */
  readonly nodeScope: string | null;
  /** The frame shown while paused; polling goes on underneath. */
  readonly frozen: Snapshot | null;
  readonly detail: { readonly pane: Pane; readonly uid: string } | null;
  readonly draft: string;
  readonly pickerIndex: number;
}

/** What the focused pane looks like right now, which commands need to act on. */
export interface CommandContext {
  /** UIDs of the focused pane's rows, in display order. */
  readonly ids: readonly string[];
  /** Rows visible at once in the focused pane. */
  readonly page: number;
  /** Sortable columns of the focused pane, in display order, with their natural direction. */
  readonly sortColumns: readonly { readonly id: string; readonly descending: boolean }[];
  readonly snapshot: Snapshot | null;
  /** Choices for the namespace picker; null stands for all namespaces. */
  readonly namespaces: readonly (string | null)[];
  /** Name of the selected node, for node-pods. */
  readonly selectedNodeName: string | null;
}

export type Action =
  | { readonly type: 'command'; readonly command: Command; readonly context: CommandContext }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'erase' }
  | { readonly type: 'submit'; readonly context: CommandContext }
  | { readonly type: 'cancel' };

const pane = (column: string): PaneState => ({
  sort: { column, descending: true },
  sortChosen: false,
  filter: '',
  selected: null,
  scrollTop: 0,
});

export function initialState(namespace: string | null): UiState {
  return {
    focus: 'nodes',
    mode: 'table',
    panes: { nodes: pane('cpu%'), pods: pane('cpu') },
    namespace,
    nodeScope: null,
    frozen: null,
    detail: null,
    draft: '',
    pickerIndex: 0,
  };
}
