import type { ReplayCommand } from '../model/replay-state.js';
import { parseTextFilter } from '../model/text-filter.js';
import type { KeyPress } from './key-press.js';
import { type Command, commandFor, keyOf, promptCommandFor } from './keymap.js';
import type { Action, CommandContext, Pane, PaneContext, PaneState, UiState } from './state.js';

function withPane(state: UiState, which: Pane, change: Partial<PaneState>): UiState {
  return { ...state, panes: { ...state.panes, [which]: { ...state.panes[which], ...change } } };
}

function focused(state: UiState): PaneState {
  return state.panes[state.focus];
}

/**
 * Where a movement key leaves a list's selection, and the top line that keeps it in view; null for
 * an empty list.
 */
function step(list: PaneContext['ids'], page: number, selected: string | null, scrollTop: number, command: Command) {
  if (list.length === 0) return null;
  const current = Math.max(0, list.indexOf(selected));
  const by: Partial<Record<Command, number>> = {
    up: -1,
    down: 1,
    'page-up': -page,
    'page-down': page,
    first: -list.length,
    last: list.length,
  };
  const index = Math.min(list.length - 1, Math.max(0, current + (by[command] ?? 0)));
  const top = index < scrollTop ? index : index >= scrollTop + page ? index - page + 1 : scrollTop;
  return { key: list.key(index), top: Math.max(0, top) };
}

function move(state: UiState, command: Command, context: CommandContext): UiState {
  const { ids, page } = context.panes[state.focus];
  const { selected, scrollTop } = focused(state);
  const moved = step(ids, page, selected, scrollTop, command);
  if (!moved) return state;
  const next = withPane(state, state.focus, { selected: moved.key, scrollTop: moved.top });
  return next.mode === 'detail' && next.detail ? { ...next, detail: { pane: next.focus, uid: moved.key } } : next;
}

/** Up, down and paging in the events pane, by entry. */
function moveEvents(state: UiState, command: Command, context: CommandContext): UiState {
  const events = context.events;
  const moved = events && step(events.ids, events.page, state.events.selected, state.events.scrollTop, command);
  return moved ? { ...state, events: { selected: moved.key, scrollTop: moved.top } } : state;
}

/**
 * Enter on an event: the detail of its node or pod, with the row selected behind it. An object a
 * filter hides is shown: the filter (and, for a pod, the namespace and node scope) gives way.
 */
function jump(state: UiState, context: CommandContext): UiState {
  const events = context.events;
  const key = state.events.selected ?? (events?.ids.length ? events.ids.key(0) : null);
  const target = key === null ? null : events?.target(key);
  if (!target) return state;
  const { pane, uid } = target;
  const hidden = context.panes[pane].ids.indexOf(uid) < 0;
  let next = withPane({ ...state, focus: pane }, pane, hidden ? { selected: uid, filter: '' } : { selected: uid });
  if (hidden && pane === 'pods') next = { ...next, namespace: null, nodeScope: null };
  return { ...next, mode: 'detail', detail: { pane, uid } };
}

// Direct sort keys name a column per pane and always sort it its natural way (biggest first for
// figures), so C, M and D mean "show me the hottest"; r reverses.
const DIRECT_SORT: Partial<Record<Command, Readonly<Record<Pane, string | null>>>> = {
  'sort-cpu': { nodes: 'cpu%', pods: 'cpu' },
  'sort-memory': { nodes: 'mem%', pods: 'mem' },
  'sort-disk': { nodes: 'disk%', pods: null },
  'sort-name': { nodes: 'name', pods: 'name' },
  'sort-age': { nodes: 'age', pods: 'age' },
  'sort-restarts': { nodes: null, pods: 'restarts' },
};

// A new order starts at its top, as in k9s and htop: the row that was selected lands anywhere in
// it, and keeping it would leave the view mid-list. Refreshes keep the selection (it is by UID).
function sortBy(state: UiState, column: string, descending: boolean): UiState {
  return withPane(state, state.focus, { sort: { column, descending }, sortChosen: true, selected: null, scrollTop: 0 });
}

function sort(state: UiState, command: Command, context: CommandContext): UiState {
  const { sortColumns } = context.panes[state.focus];
  const { sort: current } = focused(state);
  if (command === 'sort-reverse') return sortBy(state, current.column, !current.descending);
  if (command === 'sort-prev' || command === 'sort-next') {
    if (sortColumns.length === 0) return state;
    const at = sortColumns.findIndex((c) => c.id === current.column);
    const next = sortColumns[(at + (command === 'sort-next' ? 1 : sortColumns.length - 1)) % sortColumns.length];
    return next ? sortBy(state, next.id, next.descending) : state;
  }
  const column = DIRECT_SORT[command]?.[state.focus];
  if (column === null) {
    const { label, help } = keyOf(command);
    return { ...state, notice: `${label}: ${help}, not in the ${state.focus === 'nodes' ? 'node' : 'pod'} pane (tab switches panes)` };
  }
  const spec = sortColumns.find((c) => c.id === column);
  return column && spec ? sortBy(state, column, spec.descending) : state;
}

const REPLAY: Partial<Record<Command, ReplayCommand>> = {
  pause: 'pause',
  'replay-back': 'back',
  'replay-forward': 'forward',
  'replay-back-far': 'back-far',
  'replay-forward-far': 'forward-far',
  'replay-start': 'start',
  'replay-end': 'end',
};

/** A replay's own keys go to its player (through the app); the live screen says they are not its. */
function replayKey(state: UiState, cmd: Command): UiState {
  const command = REPLAY[cmd] as ReplayCommand;
  if (state.replay) return { ...state, replayRequest: { command, n: (state.replayRequest?.n ?? 0) + 1 } };
  const { label, help } = keyOf(cmd);
  return { ...state, notice: `${label}: ${help.replace(/^replay: /, '')}, only in kmon replay` };
}

function back(state: UiState, context: CommandContext): UiState {
  if (state.mode !== 'table') return { ...state, mode: 'table', detail: null };
  if (focused(state).filter) return withPane(state, state.focus, { filter: '' });
  if (state.nodeScope) return { ...state, nodeScope: null };
  return context.canLeave ? { ...state, leaving: true } : state;
}

function command(state: UiState, cmd: Command, context: CommandContext): UiState {
  switch (cmd) {
    case 'up':
    case 'down':
    case 'page-up':
    case 'page-down':
    case 'first':
    case 'last':
      if (state.mode === 'help') return scrollHelp(state, cmd, context);
      if (state.mode === 'context') return pickContext(state, cmd, context);
      if (state.mode === 'events') return moveEvents(state, cmd, context);
      return state.mode === 'namespace' ? pick(state, cmd, context) : move(state, cmd, context);
    case 'switch-pane':
      return { ...state, focus: state.focus === 'nodes' ? 'pods' : 'nodes' };
    case 'filter':
      return { ...state, mode: 'filter', draft: focused(state).filter, filterBefore: focused(state).filter };
    case 'namespace':
      return { ...state, mode: 'namespace', picked: state.namespace };
    case 'context':
      return openContextPicker(state, context);
    case 'problem-pods':
      return {
        ...state,
        problemsOnly: !state.problemsOnly,
        focus: 'pods',
        panes: { ...state.panes, pods: { ...state.panes.pods, selected: null, scrollTop: 0 } },
      };
    case 'node-pods':
      return { ...state, nodeScope: state.nodeScope ? null : context.selectedNodeName, focus: state.nodeScope ? state.focus : 'pods' };
    case 'events':
      return state.mode === 'events' ? { ...state, mode: 'table' } : { ...state, mode: 'events', detail: null };
    case 'detail': {
      if (state.mode === 'namespace' || state.mode === 'context') return submit(state, context);
      if (state.mode === 'events') return jump(state, context);
      const { ids } = context.panes[state.focus];
      const uid = focused(state).selected ?? (ids.length ? ids.key(0) : undefined);
      return uid ? { ...state, mode: 'detail', detail: { pane: state.focus, uid } } : state;
    }
    case 'back':
      return back(state, context);
    case 'pause':
      return state.replay ? replayKey(state, cmd) : { ...state, frozen: state.frozen ? null : context.snapshot };
    case 'replay-back':
    case 'replay-forward':
    case 'replay-back-far':
    case 'replay-forward-far':
    case 'replay-start':
    case 'replay-end':
      return replayKey(state, cmd);
    case 'help':
      return { ...state, mode: state.mode === 'help' ? 'table' : 'help', helpTop: 0 };
    case 'suspend':
      return { ...state, suspended: true };
    case 'quit':
      return { ...state, quitting: true };
    default:
      return sort(state, cmd, context);
  }
}

function scrollHelp(state: UiState, cmd: Command, { help }: CommandContext): UiState {
  const step: Partial<Record<Command, number>> = { up: -1, down: 1, 'page-up': -help.page, 'page-down': help.page };
  const last = Math.max(0, help.lines - help.page);
  const top = cmd === 'first' ? 0 : cmd === 'last' ? last : state.helpTop + (step[cmd] ?? 0);
  return { ...state, helpTop: Math.min(last, Math.max(0, top)) };
}

/** Where the picker's highlight is in the current list; a namespace deleted since is not there. */
export function pickedIndex(state: UiState, namespaces: readonly (string | null)[]): number {
  return Math.max(0, namespaces.indexOf(state.picked));
}

function pick(state: UiState, cmd: Command, { namespaces }: CommandContext): UiState {
  const step = cmd === 'up' ? -1 : cmd === 'down' ? 1 : cmd === 'first' ? -namespaces.length : namespaces.length;
  const index = Math.min(namespaces.length - 1, Math.max(0, pickedIndex(state, namespaces) + step));
  return { ...state, picked: namespaces[index] ?? null };
}

function openContextPicker(state: UiState, { contexts = [], currentContext = null }: CommandContext): UiState {
  if (contexts.length === 0) return { ...state, notice: 'c: the kubeconfig has no contexts to pick from' };
  return { ...state, mode: 'context', pickedContext: currentContext ?? contexts[0] ?? null };
}

function pickContext(state: UiState, cmd: Command, { contexts = [] }: CommandContext): UiState {
  const steps: Partial<Record<Command, number>> = {
    up: -1,
    down: 1,
    'page-up': -10,
    'page-down': 10,
    first: -contexts.length,
    last: contexts.length,
  };
  const at = Math.max(0, contexts.indexOf(state.pickedContext ?? ''));
  const index = Math.min(contexts.length - 1, Math.max(0, at + (steps[cmd] ?? 0)));
  return { ...state, pickedContext: contexts[index] ?? null };
}

function submit(state: UiState, context: CommandContext): UiState {
  if (state.mode === 'context') {
    // Choosing the cluster already on screen just closes the picker.
    const chosen = context.contexts?.includes(state.pickedContext ?? '') ? state.pickedContext : null;
    return { ...state, mode: 'table', switchTo: chosen !== context.currentContext ? chosen : null };
  }
  if (state.mode === 'namespace') {
    // A namespace deleted while highlighted falls back to all namespaces, never to a neighbour.
    const namespace = context.namespaces.includes(state.picked) ? state.picked : null;
    return { ...state, mode: 'table', namespace };
  }
  const error = state.mode === 'filter' ? parseTextFilter(state.draft).error : null;
  if (!error) return { ...state, mode: 'table' };
  const kept = state.filterBefore ? `the filter stays ${state.filterBefore}` : 'no filter';
  return withPane({ ...state, mode: 'table', notice: `${error}; ${kept}` }, state.focus, { filter: state.filterBefore });
}

/** The prompt's text changed: the pane follows it, except while it is an invalid /regex/. */
function edit(state: UiState, draft: string): UiState {
  const filter = parseTextFilter(draft).error ? state.filterBefore : draft;
  return withPane({ ...state, draft }, state.focus, { filter, scrollTop: 0 });
}

function typeInFilter(state: UiState, input: string, key: KeyPress, context: CommandContext): UiState {
  // Keys that work everywhere (Ctrl-C, Ctrl-Z), then the prompt's own, then text.
  const everywhere = commandFor(input, key, 'filter');
  if (everywhere) return command(state, everywhere, context);
  switch (promptCommandFor(input, key)) {
    case 'keep':
      return submit(state, context);
    case 'clear':
      return reducer(state, { type: 'cancel' });
    case 'erase':
      return reducer(state, { type: 'erase' });
    case 'erase-word':
      return edit(state, state.draft.replace(/\S*\s*$/, ''));
    case 'erase-line':
      return edit(state, '');
    default:
      return input && !key.ctrl && !key.meta ? reducer(state, { type: 'type', text: input }) : state;
  }
}

// The events pane is a list to read and leave: sorting, filtering and the like wait for the panes.
const EVENTS_COMMANDS: ReadonlySet<Command> = new Set<Command>([
  'up',
  'down',
  'page-up',
  'page-down',
  'first',
  'last',
  'detail',
  'events',
  'back',
  'pause',
  'replay-back',
  'replay-forward',
  'replay-back-far',
  'replay-forward-far',
  'replay-start',
  'replay-end',
  'help',
  'quit',
]);

// Keys that arrive as plain characters when several come in one read.
const CHARACTER_KEYS: Readonly<Record<string, KeyPress>> = {
  '\t': { tab: true },
  '\r': { return: true },
  '\n': { return: true },
  '\x7f': { backspace: true },
  '\b': { backspace: true },
};

function characterKey(ch: string): { input: string; key: KeyPress } {
  const key = CHARACTER_KEYS[ch];
  return key ? { input: '', key } : { input: ch, key: {} };
}

/** Why a key of the panes does nothing in the events pane: said, as every key that has nothing to do. */
function notInEvents(cmd: Command): string {
  const { label, help } = keyOf(cmd);
  return `${label}: ${help}, on the node and pod panes (e or Esc goes back)`;
}

/**
 * A key read from the terminal, handled by mode. Keys are decided here, against the newest state,
 * so `/` followed at once by text (typed fast or pasted) lands in the filter instead of being read
 * as commands by a handler that has not seen the prompt open yet.
 */
function keyPress(state: UiState, input: string, key: KeyPress, context: CommandContext): UiState {
  // Several characters in one read: a paste, or keys faster than a frame. Each is a key of its own.
  if (input.length > 1 && !key.ctrl && !key.meta) {
    return [...input].reduce((s, ch) => {
      const one = characterKey(ch);
      return keyPress(s, one.input, one.key, context);
    }, state);
  }
  const fresh = state.notice === null ? state : { ...state, notice: null };
  if (fresh.mode === 'filter') return typeInFilter(fresh, input, key, context);
  const cmd = commandFor(input, key, fresh.mode);
  if (!cmd || (fresh.mode === 'help' && !HELP_COMMANDS.has(cmd))) return fresh;
  if (fresh.mode === 'events' && !EVENTS_COMMANDS.has(cmd)) return { ...fresh, notice: notInEvents(cmd) };
  return command(fresh, cmd, context);
}

const HELP_COMMANDS: ReadonlySet<Command> = new Set([
  'help',
  'back',
  'suspend',
  'quit',
  'up',
  'down',
  'page-up',
  'page-down',
  'first',
  'last',
]);

export function reducer(state: UiState, action: Action): UiState {
  switch (action.type) {
    case 'key':
      return keyPress(state, action.input, action.key, action.context);
    case 'command':
      return command(state, action.command, action.context);
    case 'type':
      return edit(state, state.draft + action.text);
    case 'erase':
      return edit(state, state.draft.slice(0, -1));
    case 'submit':
      return submit(state, action.context);
    case 'cancel':
      return state.mode === 'filter'
        ? withPane({ ...state, mode: 'table', draft: '' }, state.focus, { filter: '' })
        : { ...state, mode: 'table' };
    case 'resumed':
      return { ...state, suspended: false };
  }
}
