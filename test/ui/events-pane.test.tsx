import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { App } from '../../src/ui/components/App.js';
import { clock } from '../../src/ui/header-text.js';
import { makeTheme } from '../../src/ui/theme.js';
import { GiB } from '../helpers/records.js';
import { KEYS, plain, renderAt } from '../helpers/render.js';
import { clusterSnapshot, NOW, PushSource } from './ui-fixture.js';

const MINUTE = 60_000;
type Rendered = ReturnType<typeof renderAt>;
let current: Rendered | null = null;

function show(source: PushSource, columns = 120, rows = 32): Rendered {
  current = renderAt(
    <App source={source} thresholds={DEFAULT_THRESHOLDS} theme={makeTheme({ color: false, ascii: false })} namespace={null} />,
    columns,
    rows,
  );
  return current;
}

afterEach(() => {
  current?.unmount();
  current = null;
});

/** The fixture as taken `minutesAgo`, node-b's disk at `nodeBFreeGiB` free of 100. */
function taken(seq: number, minutesAgo: number, nodeBFreeGiB = 7, memoryBoost = 0): Snapshot {
  const base = clusterSnapshot(seq, memoryBoost);
  const summaries = new Map(base.summaries);
  const b = summaries.get('node-b');
  if (b)
    summaries.set('node-b', {
      ...b,
      summary: { ...b.summary, fs: { capacityBytes: 100 * GiB, availableBytes: nodeBFreeGiB * GiB, usedBytes: null } },
    });
  const at = NOW - minutesAgo * MINUTE;
  return { ...base, takenAt: at, inventoryAt: at, metricsAt: at, summaries };
}

/** The events pane's lines, without colour and trailing blanks. */
const eventLines = (r: Rendered) =>
  plain(r.lastFrame())
    .split('\n')
    .map((l) => l.trimEnd());

describe('the events pane (e)', () => {
  it('says why a key of the panes does nothing there, and stays open', async () => {
    const r = show(new PushSource(taken(1, 12)));
    await r.settle();
    await r.press('e', 'C');
    const lines = eventLines(r).filter((l) => l.trim());
    expect(lines.at(-1)).toMatch(/C: sort by CPU, on the node and pod panes \(e or Esc goes back\)/);
    expect(lines.some((l) => l.startsWith(' EVENTS'))).toBe(true);
  });

  it('lists firing alerts worst first with their ages, then the log with raise and clear times, newest first', async () => {
    const source = new PushSource(taken(1, 12));
    const r = show(source);
    await r.settle();
    // node-b's disk falls to 60% five minutes later: its alert clears after lasting 7 minutes.
    source.push(taken(2, 5, 40));
    await r.settle();
    await r.press('e');
    const lines = eventLines(r);
    const title = lines.findIndex((l) => l.startsWith(' EVENTS'));
    expect(lines[title]).toMatch(/EVENTS {2}\d+ firing · \d+ in the log/);
    // Firing: node-a's CPU (crit, over its 30 s `for:` by now) first, then node-c's warnings, all 12 minutes old.
    expect(lines[title + 1]).toMatch(/^ ‼ +12m {2}node node-a {2}CPU at 95%$/);
    expect(lines[title + 2]).toMatch(/^ ! +12m {2}node node-c {2}(memory at 87%|disk at 85%)$/);
    const log = lines.slice(lines.indexOf(' log, newest first') + 1).filter((l) => l.trim());
    const at = (minutesAgo: number) => clock(NOW - minutesAgo * MINUTE);
    expect(log.slice(0, 2).sort()).toEqual(
      [
        ` ${at(5)}  cleared      node node-b  disk at 93% cleared (lasted 7m)`,
        ` ${at(5)}  raised    ‼  node node-a  CPU at 95% (after 7m)`,
      ].sort(),
    );
    expect(log.slice(2)).toContain(` ${at(12)}  raised    ‼  node node-b  disk at 93%`);
    const firing = lines.slice(title + 1, lines.indexOf(' log, newest first'));
    expect(firing).toHaveLength(3);
    expect(firing.join('\n')).not.toContain('node-b');
  });

  it('Enter goes to the node or pod of the selected entry; Esc returns to the panes', async () => {
    const source = new PushSource(taken(1, 3, 7, 300));
    const r = show(source);
    await r.settle();
    await r.press('e');
    const lines = eventLines(r);
    // app-11 uses 1060 MiB of its 1 GiB limit: a pod alert among the nodes'.
    const pod = lines.findIndex((l) => /^ ‼ .*pod web\/app-11 {2}memory at 103% of limit$/.test(l));
    const first = lines.findIndex((l) => l.startsWith(' ‼') || l.startsWith(' !'));
    expect(pod).toBeGreaterThan(0);
    await r.press(...Array.from({ length: pod - first }, () => 'j'), KEYS.enter);
    expect(plain(r.lastFrame())).toContain('POD web/app-11');
    await r.press(KEYS.escape, 'e', 'g', KEYS.enter);
    expect(plain(r.lastFrame())).toMatch(/NODE node-[abc]/);
    await r.press(KEYS.escape);
    expect(plain(r.lastFrame())).toContain(' NODES 3');
  });

  it('goes to a pod hidden by a filter, clearing the filter', async () => {
    const r = show(new PushSource(taken(1, 3, 7, 300)));
    await r.settle();
    await r.press(KEYS.tab, '/', ...'app-0', KEYS.enter, 'e');
    const lines = eventLines(r);
    const pod = lines.findIndex((l) => l.includes('pod web/app-11'));
    const first = lines.findIndex((l) => l.startsWith(' ‼') || l.startsWith(' !'));
    await r.press(...Array.from({ length: pod - first }, () => 'j'), KEYS.enter, KEYS.escape);
    expect(plain(r.lastFrame())).not.toContain('filter app-0');
    expect(plain(r.lastFrame())).toContain('app-11');
  });

  it('the header names the worst alert with its age and says where the rest are', async () => {
    const r = show(new PushSource(taken(1, 12)));
    await r.settle();
    expect(plain(r.lastFrame()).split('\n')[1]).toMatch(/‼ node node-b: disk at 93% 12m \(\+2 more · e events\)/);
  });

  it('e again or Esc closes it; keys that sort or filter do nothing while it is open', async () => {
    const r = show(new PushSource(taken(1, 3)));
    await r.settle();
    await r.press('e', 'D', '/');
    expect(plain(r.lastFrame())).toContain(' EVENTS');
    await r.press('e');
    expect(plain(r.lastFrame())).toContain('sort: alerts, CPU% ▼');
    await r.press('e', KEYS.escape);
    expect(plain(r.lastFrame())).toContain(' NODES 3');
  });
});
