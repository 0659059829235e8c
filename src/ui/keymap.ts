import type { KeyPress } from './state.js';

// The keymap is data: input handling and the help overlay both read it, so help can never drift
// from what the keys do.

export type Command =
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'first'
  | 'last'
  | 'switch-pane'
  | 'sort-prev'
  | 'sort-next'
  | 'sort-reverse'
  | 'sort-cpu'
  | 'sort-memory'
  | 'sort-disk'
  | 'sort-name'
  | 'sort-age'
  | 'filter'
  | 'namespace'
  | 'node-pods'
  | 'detail'
  | 'events'
  | 'back'
  | 'pause'
  | 'help'
  | 'quit';

type NamedKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'tab' | 'return' | 'escape' | 'home' | 'end';

export interface KeySpec {
  readonly input?: string;
  readonly key?: NamedKey;
  readonly ctrl?: boolean;
  /** How the key is written in help and hints. */
  readonly label: string;
}

export interface Binding {
  readonly command: Command;
  readonly keys: readonly KeySpec[];
  readonly help: string;
  /** Short word for the hint line (bindings without one are only in the help overlay), and how
   *  long it survives when the line is too narrow for every hint. */
  readonly hint?: { readonly word: string; readonly priority: number };
}

const k = (label: string, spec: Omit<KeySpec, 'label'>): KeySpec => ({ label, ...spec });

export const KEYMAP: readonly Binding[] = [
  { command: 'help', keys: [k('?', { input: '?' })], help: 'show or hide this help', hint: { word: 'help', priority: 95 } },
  { command: 'up', keys: [k('↑', { key: 'upArrow' }), k('k', { input: 'k' })], help: 'move up', hint: { word: 'move', priority: 90 } },
  { command: 'down', keys: [k('↓', { key: 'downArrow' }), k('j', { input: 'j' })], help: 'move down' },
  { command: 'page-up', keys: [k('PgUp', { key: 'pageUp' }), k('ctrl-b', { input: 'b', ctrl: true })], help: 'page up' },
  { command: 'page-down', keys: [k('PgDn', { key: 'pageDown' }), k('ctrl-f', { input: 'f', ctrl: true })], help: 'page down' },
  { command: 'first', keys: [k('g', { input: 'g' }), k('Home', { key: 'home' })], help: 'first row' },
  { command: 'last', keys: [k('G', { input: 'G' }), k('End', { key: 'end' })], help: 'last row' },
  { command: 'switch-pane', keys: [k('tab', { key: 'tab' })], help: 'switch between nodes and pods', hint: { word: 'pane', priority: 75 } },
  { command: 'sort-prev', keys: [k('<', { input: '<' })], help: 'sort by the previous column' },
  { command: 'sort-next', keys: [k('>', { input: '>' })], help: 'sort by the next column', hint: { word: 'sort', priority: 65 } },
  { command: 'sort-reverse', keys: [k('r', { input: 'r' })], help: 'reverse the sort', hint: { word: 'reverse', priority: 40 } },
  { command: 'sort-cpu', keys: [k('C', { input: 'C' })], help: 'sort by CPU' },
  { command: 'sort-memory', keys: [k('M', { input: 'M' })], help: 'sort by memory' },
  { command: 'sort-disk', keys: [k('D', { input: 'D' })], help: 'sort by disk (nodes)' },
  { command: 'sort-name', keys: [k('N', { input: 'N' })], help: 'sort by name' },
  { command: 'sort-age', keys: [k('A', { input: 'A' })], help: 'sort by age (newest first)' },
  {
    command: 'filter',
    keys: [k('/', { input: '/' })],
    help: 'filter: text, or /regex/ (Esc clears)',
    hint: { word: 'filter', priority: 70 },
  },
  { command: 'namespace', keys: [k('n', { input: 'n' })], help: 'pick a namespace', hint: { word: 'namespace', priority: 50 } },
  {
    command: 'node-pods',
    keys: [k('space', { input: ' ' })],
    help: "show only the selected node's pods (toggle)",
    hint: { word: 'node pods', priority: 30 },
  },
  {
    command: 'detail',
    keys: [k('⏎', { key: 'return' })],
    help: 'details and history of the selected row',
    hint: { word: 'detail', priority: 80 },
  },
  {
    command: 'events',
    keys: [k('e', { input: 'e' })],
    help: 'events: alerts firing now, then the log of changes (Enter goes to the node or pod)',
    hint: { word: 'events', priority: 85 },
  },
  { command: 'back', keys: [k('Esc', { key: 'escape' })], help: 'back, or clear the filter' },
  { command: 'pause', keys: [k('p', { input: 'p' })], help: 'pause the frame (polling goes on)', hint: { word: 'pause', priority: 60 } },
  {
    command: 'quit',
    keys: [k('q', { input: 'q' }), k('ctrl-c', { input: 'c', ctrl: true })],
    help: 'quit',
    hint: { word: 'quit', priority: 100 },
  },
];

function matches(spec: KeySpec, input: string, key: KeyPress): boolean {
  if (spec.key) return key[spec.key] === true;
  return spec.input === input && Boolean(spec.ctrl) === Boolean(key.ctrl);
}

export function commandFor(input: string, key: KeyPress, keymap: readonly Binding[] = KEYMAP): Command | null {
  return keymap.find((b) => b.keys.some((spec) => matches(spec, input, key)))?.command ?? null;
}
