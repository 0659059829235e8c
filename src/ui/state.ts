import type { SortState } from '../model/pane-order.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Command } from './keymap.js';

// One pure reducer for everything the screen remembers. A snapshot arriving is not an action here:
// the live snapshot flows in as a prop; only pausing captures one.

export type Pane = 'nodes' | 'pods';
export type Mode = 'table' | 'filter' | 'namespace' | 'help' | 'detail' | 'events';

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
  /** The events pane's selection, by entry, as entries shift when new ones come in. */
  readonly events: { readonly selected: string | null; readonly scrollTop: number };
  readonly draft: string;
  /** The namespace highlighted in the picker (null: all), kept by name so the list may change under it. */
  readonly picked: string | null;
  /** Set by q or Ctrl-C; the app exits on it. */
  readonly quitting: boolean;
}

/** What a pane looks like right now, which commands on it need. */
export interface PaneContext {
  /** UIDs of the pane's rows, in display order. */
  readonly ids: { readonly length: number; key(position: number): string; indexOf(key: string | null): number };
  /** Rows visible at once. */
  readonly page: number;
  /** Sortable columns, in display order, with their natural direction. */
  readonly sortColumns: readonly { readonly id: string; readonly descending: boolean }[];
}

/** The events pane: its entries in display order, and the node or pod each is about. */
export interface EventsContext {
  readonly ids: PaneContext['ids'];
  readonly page: number;
  /** Where Enter on the entry leads; null for the cluster's own alerts. */
  target(key: string): { readonly pane: Pane; readonly uid: string } | null;
}

/**
 * What the screen looks like right now. Both panes are described: keys read together (Tab then M)
 * are applied one after the other to a context taken before the first.
 */
export interface CommandContext {
  readonly panes: Readonly<Record<Pane, PaneContext>>;
  readonly snapshot: Snapshot | null;
  /** Choices for the namespace picker; null stands for all namespaces. */
  readonly namespaces: readonly (string | null)[];
  /** Name of the selected node, for node-pods. */
  readonly selectedNodeName: string | null;
  readonly events?: EventsContext;
}

/** The key flags the reducer reads (a subset of Ink's Key). */
export interface KeyPress {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly tab?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

export type Action =
  | { readonly type: 'key'; readonly input: string; readonly key: KeyPress; readonly context: CommandContext }
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
    events: { selected: null, scrollTop: 0 },
    draft: '',
    picked: null,
    quitting: false,
  };
}
