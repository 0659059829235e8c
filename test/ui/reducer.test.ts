import { describe, expect, it } from 'vitest';
import { reducer } from '../../src/ui/reducer.js';
import { arrayRows } from '../../src/ui/row-list.js';
import { type CommandContext, initialState, type UiState } from '../../src/ui/state.js';
import { clusterSnapshot } from './ui-fixture.js';

/** A pane's rows by UID, in display order. */
const ids = (keys: readonly string[]) => arrayRows(keys, (k) => k);

const nodePane = {
  ids: ids(['a', 'b', 'c', 'd', 'e', 'f']),
  page: 3,
  sortColumns: [
    { id: 'name', descending: false },
    { id: 'cpu%', descending: true },
    { id: 'mem%', descending: true },
    { id: 'disk%', descending: true },
  ],
};
const podPane = {
  ids: ids(['p1', 'p2']),
  page: 10,
  sortColumns: [
    { id: 'cpu', descending: true },
    { id: 'mem', descending: true },
  ],
};

const context: CommandContext = {
  panes: { nodes: nodePane, pods: podPane },
  snapshot: null,
  namespaces: [null, 'batch', 'web'],
  selectedNodeName: 'node-x',
  help: { lines: 40, page: 10 },
};

const run = (state: UiState, ...commands: Parameters<typeof reducer>[1][]) => commands.reduce(reducer, state);
const cmd = (command: Extract<Parameters<typeof reducer>[1], { type: 'command' }>['command'], ctx: CommandContext = context) =>
  ({ type: 'command', command, context: ctx }) as const;

describe('ui reducer', () => {
  it('moves the selection by row, page, and to either end, scrolling to keep it visible', () => {
    let s = run(initialState(null), cmd('down'), cmd('down'));
    expect(s.panes.nodes.selected).toBe('c');
    s = run(s, cmd('page-down'));
    expect(s.panes.nodes).toMatchObject({ selected: 'f', scrollTop: 3 });
    s = run(s, cmd('first'));
    expect(s.panes.nodes).toMatchObject({ selected: 'a', scrollTop: 0 });
    s = run(s, cmd('last'), cmd('down'));
    expect(s.panes.nodes.selected).toBe('f');
    expect(run(initialState(null), cmd('up')).panes.nodes.selected).toBe('a');
  });

  it('keeps the selection on the same object when the rows reorder', () => {
    const s = run(initialState(null), cmd('down'));
    expect(s.panes.nodes.selected).toBe('b');
    const reordered = { ...context, panes: { ...context.panes, nodes: { ...nodePane, ids: ids(['b', 'a', 'c']) } } };
    expect(run(s, cmd('down', reordered)).panes.nodes.selected).toBe('a');
  });

  it('cycles sort columns with < and >, each in its natural direction, and r reverses', () => {
    let s = run(initialState(null), cmd('sort-next'));
    expect(s.panes.nodes.sort).toEqual({ column: 'mem%', descending: true });
    s = run(s, cmd('sort-prev'), cmd('sort-prev'));
    expect(s.panes.nodes.sort).toEqual({ column: 'name', descending: false });
    s = run(s, cmd('sort-reverse'));
    expect(s.panes.nodes.sort).toEqual({ column: 'name', descending: true });
  });

  it('direct sort keys pick their column for the focused pane, biggest first', () => {
    let s = run(initialState(null), cmd('sort-name'), cmd('sort-disk'));
    expect(s.panes.nodes.sort).toEqual({ column: 'disk%', descending: true });
    s = run(s, cmd('sort-disk'));
    expect(s.panes.nodes.sort).toEqual({ column: 'disk%', descending: true });
    // Pods have no disk column: D leaves their sort alone.
    s = run(s, cmd('switch-pane'), cmd('sort-disk'));
    expect(s.panes.pods.sort.column).toBe('cpu');
  });

  it.each(['sort-next', 'sort-prev', 'sort-reverse', 'sort-memory', 'sort-name'] as const)(
    '%s goes to the top of the list, as k9s and htop do; a refresh keeps the selection',
    (sortCommand) => {
      let s = run(initialState(null), cmd('page-down'), cmd('down'), cmd('down'));
      expect(s.panes.nodes).toMatchObject({ selected: 'f', scrollTop: 3 });
      s = run(s, cmd(sortCommand));
      expect(s.panes.nodes).toMatchObject({ selected: null, scrollTop: 0 });
    },
  );

  it('types into the filter of the focused pane and clears it on Esc', () => {
    let s = run(initialState(null), cmd('filter'), { type: 'type', text: 'we' }, { type: 'type', text: 'bx' }, { type: 'erase' });
    expect(s.mode).toBe('filter');
    expect(s.panes.nodes.filter).toBe('web');
    s = run(s, { type: 'submit', context });
    expect(s).toMatchObject({ mode: 'table', panes: { nodes: { filter: 'web' } } });
    s = run(s, cmd('back'));
    expect(s.panes.nodes.filter).toBe('');
  });

  it('picks a namespace from the picker', () => {
    const s = run(initialState(null), cmd('namespace'), cmd('down'), cmd('down'), cmd('detail'));
    expect(s).toMatchObject({ mode: 'table', namespace: 'web' });
    expect(run(s, cmd('namespace'), cmd('first'), cmd('detail')).namespace).toBeNull();
  });

  it('freezes the snapshot shown on pause and lets go on resume', () => {
    const snapshot = clusterSnapshot();
    let s = run(initialState(null), cmd('pause', { ...context, snapshot }));
    expect(s.frozen).toBe(snapshot);
    s = run(s, cmd('pause', { ...context, snapshot: clusterSnapshot(2) }));
    expect(s.frozen).toBeNull();
  });

  it('opens the detail of the selected row and follows the selection inside it', () => {
    let s = run(initialState(null), cmd('down'), cmd('detail'));
    expect(s).toMatchObject({ mode: 'detail', detail: { pane: 'nodes', uid: 'b' } });
    s = run(s, cmd('down'));
    expect(s.detail).toEqual({ pane: 'nodes', uid: 'c' });
    s = run(s, cmd('back'));
    expect(s).toMatchObject({ mode: 'table', detail: null });
  });

  it('toggles the pod pane to the selected node and focuses the pods', () => {
    let s = run(initialState(null), cmd('node-pods'));
    expect(s).toMatchObject({ nodeScope: 'node-x', focus: 'pods' });
    s = run(s, cmd('node-pods'));
    expect(s.nodeScope).toBeNull();
  });

  it('takes several keys in one read one by one, tab and enter included', () => {
    const key = (input: string) => ({ type: 'key', input, key: {}, context }) as const;
    let s = run(initialState(null), key('\tM'));
    expect(s.focus).toBe('pods');
    expect(s.panes.pods.sort.column).toBe('mem');
    expect(s.panes.nodes.sort.column).toBe('cpu%');
    s = run(s, key('/web\r'));
    expect(s).toMatchObject({ mode: 'table', panes: { pods: { filter: 'web' } } });
  });

  it('keeps the picker on a namespace by name, and picks all namespaces if it was deleted meanwhile', () => {
    let s = run(initialState(null), cmd('namespace'), cmd('down'), cmd('down'));
    expect(s.picked).toBe('web');
    const fewer = { ...context, namespaces: [null, 'web'] };
    s = run(s, cmd('up', fewer));
    expect(s.picked).toBeNull();
    s = run(initialState(null), cmd('namespace'), cmd('down'));
    expect(run(s, cmd('detail', { ...context, namespaces: [null, 'web'] })).namespace).toBeNull();
  });
});

describe('the context picker and leaving a cluster of a fleet', () => {
  const withContexts: CommandContext = { ...context, contexts: ['prod-eu', 'staging', 'dev'], currentContext: 'staging' };

  it('c opens on the context on screen; moving and Enter ask to switch; the one on screen only closes it', () => {
    let s = run(initialState(null), cmd('context', withContexts));
    expect(s).toMatchObject({ mode: 'context', pickedContext: 'staging' });
    s = run(s, cmd('down', withContexts), cmd('down', withContexts));
    expect(s.pickedContext).toBe('dev');
    expect(run(s, cmd('detail', withContexts))).toMatchObject({ mode: 'table', switchTo: 'dev' });
    expect(run(s, cmd('first', withContexts), cmd('down', withContexts), cmd('detail', withContexts))).toMatchObject({
      mode: 'table',
      switchTo: null,
    });
    expect(run(s, cmd('back', withContexts))).toMatchObject({ mode: 'table', switchTo: null });
  });

  it('c without contexts says so', () => {
    expect(run(initialState(null), cmd('context')).notice).toMatch(/no contexts/);
  });

  it('Esc with nothing left to undo leaves for the fleet only where there is one', () => {
    const fleet = { ...withContexts, canLeave: true };
    expect(run(initialState(null), cmd('back')).leaving).toBe(false);
    expect(run(initialState(null), cmd('back', fleet)).leaving).toBe(true);
    const filtered = run(initialState(null), cmd('filter', fleet), { type: 'type', text: 'x' }, { type: 'submit', context: fleet });
    expect(run(filtered, cmd('back', fleet))).toMatchObject({ leaving: false, panes: { nodes: { filter: '' } } });
  });
});
