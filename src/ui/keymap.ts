import type { KeyPress } from './key-press.js';
import type { Mode } from './mode.js';

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
  | 'sort-restarts'
  | 'problem-pods'
  | 'filter'
  | 'namespace'
  | 'context'
  | 'node-pods'
  | 'detail'
  | 'events'
  | 'back'
  | 'pause'
  | 'replay-back'
  | 'replay-forward'
  | 'replay-back-far'
  | 'replay-forward-far'
  | 'replay-start'
  | 'replay-end'
  | 'help'
  | 'suspend'
  | 'quit';

type NamedKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'tab' | 'return' | 'escape' | 'home' | 'end' | 'backspace' | 'delete';

export interface KeySpec {
  readonly input?: string;
  readonly key?: NamedKey;
  readonly ctrl?: boolean;
  /** How the key is written in help and hints. */
  readonly label: string;
  /** The modes the key works in; by default every mode but typing a filter, where keys are text. */
  readonly modes?: readonly Mode[];
}

export interface Binding {
  readonly command: Command;
  readonly keys: readonly KeySpec[];
  readonly help: string;
  /** Short word for the hint line (bindings without one are only in the help overlay), and how
   *  long it survives when the line is too narrow for every hint. */
  readonly hint?: { readonly word: string; readonly priority: number };
  /** Only `kmon replay` does something with it; the live screen says so. */
  readonly replayOnly?: boolean;
}

const k = (label: string, spec: Omit<KeySpec, 'label'>): KeySpec => ({ label, ...spec });
const EVERY_MODE: readonly Mode[] = ['table', 'filter', 'namespace', 'context', 'help', 'detail', 'events'];

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
  { command: 'sort-restarts', keys: [k('R', { input: 'R' })], help: 'sort by restarts (pods)' },
  {
    command: 'filter',
    keys: [k('/', { input: '/' })],
    help: 'filter: text, or /regex/ (Esc clears)',
    hint: { word: 'filter', priority: 70 },
  },
  { command: 'namespace', keys: [k('n', { input: 'n' })], help: 'pick a namespace', hint: { word: 'namespace', priority: 50 } },
  {
    command: 'context',
    keys: [k('c', { input: 'c' })],
    help: 'pick a kubeconfig context: switch cluster without restarting',
    hint: { word: 'context', priority: 45 },
  },
  {
    command: 'problem-pods',
    keys: [k('!', { input: '!' })],
    help: 'show only pods with a problem: not Running, or alerting (toggle)',
    hint: { word: 'problems', priority: 35 },
  },
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
  {
    command: 'back',
    keys: [k('Esc', { key: 'escape' }), k('q', { input: 'q', modes: ['namespace', 'context', 'help', 'events'] })],
    help: 'back (to the fleet, from a cluster), or clear the filter; q also closes the help, the events pane and the pickers',
  },
  {
    command: 'pause',
    keys: [k('p', { input: 'p' })],
    help: 'pause the frame (polling goes on); in kmon replay, pause or resume the replay',
    hint: { word: 'pause', priority: 60 },
  },
  // Seeking, for kmon replay: keys the live screen leaves free.
  {
    command: 'replay-back',
    keys: [k('[', { input: '[' })],
    help: 'replay: back one minute',
    hint: { word: '±1m', priority: 62 },
    replayOnly: true,
  },
  { command: 'replay-forward', keys: [k(']', { input: ']' })], help: 'replay: forward one minute', replayOnly: true },
  {
    command: 'replay-back-far',
    keys: [k('{', { input: '{' })],
    help: 'replay: back ten minutes',
    hint: { word: '±10m', priority: 58 },
    replayOnly: true,
  },
  { command: 'replay-forward-far', keys: [k('}', { input: '}' })], help: 'replay: forward ten minutes', replayOnly: true },
  {
    command: 'replay-start',
    keys: [k('(', { input: '(' })],
    help: 'replay: to the start',
    hint: { word: 'start/end', priority: 55 },
    replayOnly: true,
  },
  { command: 'replay-end', keys: [k(')', { input: ')' })], help: 'replay: to the end', replayOnly: true },
  {
    command: 'suspend',
    keys: [k('ctrl-z', { input: 'z', ctrl: true, modes: EVERY_MODE })],
    help: 'suspend to the shell (fg brings kmon back)',
  },
  {
    command: 'quit',
    keys: [k('q', { input: 'q' }), k('ctrl-c', { input: 'c', ctrl: true, modes: EVERY_MODE })],
    help: 'quit',
    hint: { word: 'quit', priority: 100 },
  },
];

/** Editing keys of the filter prompt; any other key without Ctrl is typed into it. */
export type PromptCommand = 'keep' | 'clear' | 'erase' | 'erase-word' | 'erase-line';

export interface PromptBinding {
  readonly command: PromptCommand;
  readonly keys: readonly KeySpec[];
  readonly help: string;
}

export const PROMPT_KEYMAP: readonly PromptBinding[] = [
  { command: 'keep', keys: [k('⏎', { key: 'return' })], help: 'keep the filter (an invalid /regex/ leaves the last one)' },
  { command: 'clear', keys: [k('Esc', { key: 'escape' })], help: 'clear the filter' },
  { command: 'erase', keys: [k('Backspace', { key: 'backspace' }), k('Del', { key: 'delete' })], help: 'delete a character' },
  { command: 'erase-word', keys: [k('ctrl-w', { input: 'w', ctrl: true })], help: 'delete the last word' },
  { command: 'erase-line', keys: [k('ctrl-u', { input: 'u', ctrl: true })], help: 'delete the whole line' },
];

function pressed(spec: KeySpec, input: string, key: KeyPress): boolean {
  if (spec.key) return key[spec.key] === true;
  return spec.input === input && Boolean(spec.ctrl) === Boolean(key.ctrl);
}

const activeIn = (spec: KeySpec, mode: Mode) => (spec.modes ? spec.modes.includes(mode) : mode !== 'filter');

export function commandFor(input: string, key: KeyPress, mode: Mode = 'table', keymap: readonly Binding[] = KEYMAP): Command | null {
  return keymap.find((b) => b.keys.some((spec) => activeIn(spec, mode) && pressed(spec, input, key)))?.command ?? null;
}

export function promptCommandFor(input: string, key: KeyPress): PromptCommand | null {
  return PROMPT_KEYMAP.find((b) => b.keys.some((spec) => pressed(spec, input, key)))?.command ?? null;
}

/** The first key of a command as help writes it ("D"), for messages about it. */
export function keyOf(command: Command): { readonly label: string; readonly help: string } {
  const binding = KEYMAP.find((b) => b.command === command);
  return { label: binding?.keys[0]?.label ?? '', help: binding?.help ?? '' };
}
