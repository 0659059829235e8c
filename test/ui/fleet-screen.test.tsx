import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problems.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { FleetScreen } from '../../src/ui/components/FleetScreen.js';
import type { FleetMemberView, FleetSource } from '../../src/ui/hooks/use-fleet-rows.js';
import { makeTheme } from '../../src/ui/theme.js';
import { nodeInfo } from '../helpers/records.js';
import { KEYS, plain, renderAt } from '../helpers/render.js';
import { clusterSnapshot, NOW, PushSource } from './ui-fixture.js';

// The fleet view as a person uses it: one row per cluster, worst first, the unreadable one red with
// its reason; Enter opens a cluster's own screen and Esc comes back; c picks any context.

const SERVER = (name: string) => `https://${name}.example:6443`;

function named(name: string, snap: Snapshot): Snapshot {
  return { ...snap, scope: { context: name, cluster: name, server: SERVER(name), namespace: null } };
}

const calm = (name: string) =>
  named(name, {
    ...clusterSnapshot(),
    nodes: [nodeInfo('calm-1', { createdAt: NOW })],
    nodeUsage: new Map(),
    summaries: new Map(),
    pods: [],
  });

function down(name: string): Snapshot {
  const refused: Problem = {
    source: 'nodes',
    kind: 'unreachable',
    message: `nodes: cannot reach ${SERVER(name)}: connection refused`,
    cause: `cannot reach ${SERVER(name)}: connection refused`,
    since: NOW - 3000,
  };
  return named(name, { ...clusterSnapshot(), nodes: [], pods: [], inventoryAt: null, metricsAt: null, problems: [refused] });
}

class FakeFleet implements FleetSource {
  readonly contexts: readonly string[];
  readonly screens: string[][] = [];
  readonly visible: string[][] = [];
  private readonly list: FleetMemberView[];
  private readonly listeners = new Set<() => void>();

  constructor(
    clusters: readonly Snapshot[],
    readonly multi = true,
    extra: readonly string[] = [],
  ) {
    this.list = clusters.map((snap) => this.member(snap));
    this.contexts = [...clusters.map((s) => s.scope.context), ...extra];
  }

  private member(snap: Snapshot): FleetMemberView {
    const source = new PushSource(snap);
    const collector = Object.assign(source, {
      prioritizeNodes: (names: readonly string[]) => {
        this.visible.push([...names]);
      },
      prioritizePodNodes: () => {},
    });
    return { context: snap.scope.context, server: snap.scope.server, collector, error: null };
  }

  members(): readonly FleetMemberView[] {
    return this.list;
  }

  open(context: string): FleetMemberView {
    const known = this.list.find((m) => m.context === context);
    if (known) return known;
    const added = this.member(calm(context));
    if (this.multi) this.list.push(added);
    else this.list.splice(0, this.list.length, added);
    for (const l of this.listeners) l();
    return added;
  }

  onScreen(contexts: readonly string[]): void {
    this.screens.push([...contexts]);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

let shown: ReturnType<typeof renderAt>[] = [];
afterEach(() => {
  for (const s of shown) s.unmount();
  shown = [];
});

async function screen(fleet: FleetSource, columns = 120, rows = 32) {
  const theme = makeTheme({ color: true, ascii: false });
  const s = renderAt(
    <FleetScreen fleet={fleet} thresholds={DEFAULT_THRESHOLDS} theme={theme} namespace={null} intervalMs={5000} backgroundMs={15000} />,
    columns,
    rows,
  );
  shown.push(s);
  await s.settle();
  return s;
}

const lines = (s: ReturnType<typeof renderAt>) => plain(s.lastFrame()).split('\n');
const text = (s: ReturnType<typeof renderAt>) => plain(s.lastFrame());
const hint = (s: ReturnType<typeof renderAt>) =>
  lines(s)
    .filter((l) => l.trim())
    .at(-1) ?? '';
const rowOf = (s: ReturnType<typeof renderAt>, name: string) => lines(s).find((l) => l.startsWith(`${name} `)) ?? '';
/**
 * Waits until the first line reads as expected: leaving and switching go through an effect or two,
 * and a lone Esc through Ink's wait for the rest of an escape sequence.
 */
async function firstLine(s: ReturnType<typeof renderAt>, expected: RegExp): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!expected.test(lines(s)[0] ?? '') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(lines(s)[0]).toMatch(expected);
  // A screen just mounted takes keys once Ink's input effect has run, a turn after its first frame.
  await s.settle();
}
const threeClusters = () => new FakeFleet([calm('staging'), down('dev'), named('prod-eu', clusterSnapshot())], true, ['lab']);

describe('the fleet view', () => {
  it('shows every cluster worst first: figures for those read, the unreadable one red with why', async () => {
    const s = await screen(threeClusters());
    expect(lines(s)[0]).toMatch(/⎈ fleet {2}3 clusters {2}✗ 1 unreadable {2}▲ \d+ crit \d+ warn/);
    const order = lines(s)
      .filter((l) => /^(prod-eu|dev|staging) /.test(l))
      .map((l) => l.split(' ')[0]);
    expect(order).toEqual(['prod-eu', 'dev', 'staging']);
    expect(rowOf(s, 'prod-eu')).toMatch(/prod-eu\.example:6443 +3\/3 .*93% ‼/);
    expect(rowOf(s, 'dev')).toMatch(/ \? .*✗ connection refused/);
    expect(rowOf(s, 'staging')).toMatch(/ 1\/1 /);
    // The unreadable cluster's reason is red (SGR 31).
    expect(s.lastFrame()).toMatch(/\u001B\[[0-9;]*31[0-9;]*m[^\n]*✗ connection refused/);
    expect(hint(s)).toMatch(/⏎ open/);
  });

  it('Enter opens the selected cluster on its own screen, polled at the interval; Esc comes back to the same row', async () => {
    const fleet = threeClusters();
    const s = await screen(fleet);
    await s.press(KEYS.down, KEYS.enter);
    await firstLine(s, /^⎈ dev {2}ctx dev/);
    expect(text(s)).toContain('cannot reach https://dev.example:6443: connection refused');
    expect(fleet.screens.at(-1)).toEqual(['dev']);
    expect(hint(s)).toContain('Esc fleet');
    // A filter is cleared first; then Esc leaves.
    await s.press('/', 'x', KEYS.enter, KEYS.escape);
    expect(lines(s)[0]).toMatch(/^⎈ dev/);
    await s.press(KEYS.escape);
    await firstLine(s, /^⎈ fleet/);
    // The fleet view says which rows it shows as its effects run.
    const deadline = Date.now() + 5_000;
    while (fleet.screens.at(-1)?.length !== 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fleet.screens.at(-1)).toEqual(['prod-eu', 'dev', 'staging']);
    await s.press(KEYS.enter);
    await firstLine(s, /^⎈ dev/);
  });

  it('c picks any kubeconfig context: from the fleet it opens that cluster, from a cluster it switches', async () => {
    const fleet = threeClusters();
    const s = await screen(fleet);
    await s.press('c');
    expect(text(s)).toContain('context (↑↓ choose, ⏎ switch, Esc or q cancel)');
    for (const name of ['staging', 'dev', 'prod-eu', 'lab']) expect(text(s)).toContain(`  ${name}`);
    await s.press(KEYS.down, KEYS.down, KEYS.enter);
    await firstLine(s, /^⎈ prod-eu/);
    await s.press('c');
    expect(text(s)).toContain('prod-eu (current)');
    await s.press(KEYS.down, KEYS.enter);
    // lab was not watched: it joins the fleet.
    await firstLine(s, /^⎈ lab/);
    await s.press(KEYS.escape);
    await firstLine(s, /^⎈ fleet {2}4 clusters/);
  });

  it('sorts and filters as the other panes do', async () => {
    const s = await screen(threeClusters());
    await s.press('N');
    expect(
      lines(s)
        .filter((l) => /^(prod-eu|dev|staging) /.test(l))
        .map((l) => l.split(' ')[0]),
    ).toEqual(['dev', 'prod-eu', 'staging']);
    await s.press('/', ...'stag', KEYS.enter);
    expect(text(s)).toContain('CLUSTERS 1  filter stag');
    expect(rowOf(s, 'prod-eu')).toBe('');
  });

  it('keys of a cluster screen say where they work', async () => {
    const s = await screen(threeClusters());
    await s.press(KEYS.tab);
    expect(hint(s)).toMatch(/tab: switch between nodes and pods, on a cluster's screen \(Enter opens one\)/);
    await s.press('n');
    expect(text(s)).not.toContain('all namespaces');
  });

  it('fits 80×24 and a 40×10 pane, no line wider than the terminal', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [40, 10],
    ] as const) {
      const s = await screen(threeClusters(), columns, rows);
      for (const line of lines(s)) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      expect(text(s)).toContain('dev');
      expect(text(s)).toContain('unreadable');
    }
  });
});

describe('one cluster', () => {
  it('has no fleet view: c switches the cluster on screen, and Esc leaves nothing', async () => {
    const fleet = new FakeFleet([named('prod-eu', clusterSnapshot())], false, ['staging']);
    const s = await screen(fleet);
    expect(lines(s)[0]).toMatch(/^⎈ prod-eu/);
    await s.press(KEYS.escape);
    expect(lines(s)[0]).toMatch(/^⎈ prod-eu/);
    expect(hint(s)).not.toContain('Esc fleet');
    await s.press('c', KEYS.down, KEYS.enter);
    await firstLine(s, /^⎈ staging/);
    expect(fleet.members().map((m) => m.context)).toEqual(['staging']);
  });
});
