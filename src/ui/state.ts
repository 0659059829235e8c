import type { SortState } from '../model/pane-order.js';
import type { ReplayCommand } from '../model/replay-state.js';
import type { Snapshot } from '../model/snapshot.js';
import type { KeyPress } from './key-press.js';
import type { Command } from './keymap.js';
import type { Mode } from './mode.js';

// One pure reducer for everything the screen remembers. A snapshot arriving is not an action here:
// the live snapshot flows in as a prop; only pausing captures one.

export type Pane = 'nodes' | 'pods';

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
  /** The pod pane shows only pods with a problem. */
  readonly problemsOnly: boolean;
  /** The frame shown while paused; polling goes on underneath. */
  readonly frozen: Snapshot | null;
  readonly detail: { readonly pane: Pane; readonly uid: string } | null;
  /** The events pane's selection, by entry, as entries shift when new ones come in. */
  readonly events: { readonly selected: string | null; readonly scrollTop: number };
  readonly draft: string;
  /** The namespace highlighted in the picker (null: all), kept by name so the list may change under it. */
  readonly picked: string | null;
  /** The context highlighted in the context picker. */
  readonly pickedContext: string | null;
  /** A context chosen in the picker, for the screen to switch to. */
  readonly switchTo: string | null;
  /** Esc with nothing left to undo on a cluster of a fleet: back to the fleet view. */
  readonly leaving: boolean;
  /** Set by q or Ctrl-C; the app exits on it. */
  readonly quitting: boolean;
  /** Set by Ctrl-Z until the terminal is back from the shell. */
  readonly suspended: boolean;
  /** The filter the prompt opened on: kept when what was typed is an invalid /regex/. */
  readonly filterBefore: string;
  /** One line for the hint line until the next key: why a key did nothing, a regex error. */
  readonly notice: string | null;
  /** The help overlay's first line on screen. */
  readonly helpTop: number;
  /** Showing a recording (kmon replay): p pauses it and [ ] { } ( ) seek, rather than freezing a live frame. */
  readonly replay: boolean;
  /** The last replay key, for the app to pass on to the player; `n` tells one press from the next. */
  readonly replayRequest: { readonly command: ReplayCommand; readonly n: number } | null;
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
  /** The help overlay's length and the lines of it that fit, for scrolling it. */
  readonly help: { readonly lines: number; readonly page: number };
  /** Choices for the context picker: every context of the kubeconfig. */
  readonly contexts?: readonly string[];
  /** The context on screen (none in the fleet view). */
  readonly currentContext?: string | null;
  /** Whether Esc, with nothing left to undo, goes back to a fleet view. */
  readonly canLeave?: boolean;
  readonly events?: EventsContext;
}

export type Action =
  | { readonly type: 'key'; readonly input: string; readonly key: KeyPress; readonly context: CommandContext }
  | { readonly type: 'command'; readonly command: Command; readonly context: CommandContext }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'erase' }
  | { readonly type: 'submit'; readonly context: CommandContext }
  | { readonly type: 'cancel' }
  | { readonly type: 'resumed' };

const pane = (column: string): PaneState => ({
  sort: { column, descending: true },
  sortChosen: false,
  filter: '',
  selected: null,
  scrollTop: 0,
});

export function initialState(namespace: string | null, replay = false): UiState {
  return {
    focus: 'nodes',
    mode: 'table',
    panes: { nodes: pane('cpu%'), pods: pane('cpu') },
    namespace,
    nodeScope: null,
    problemsOnly: false,
    frozen: null,
    detail: null,
    events: { selected: null, scrollTop: 0 },
    draft: '',
    picked: null,
    pickedContext: null,
    switchTo: null,
    leaving: false,
    quitting: false,
    suspended: false,
    filterBefore: '',
    notice: null,
    helpTop: 0,
    replay,
    replayRequest: null,
  };
}
