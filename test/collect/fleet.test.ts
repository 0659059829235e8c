import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector } from '../../src/collect/collector.js';
import { Fleet, type OpenedCluster } from '../../src/collect/fleet.js';
import { FakeClusterReader } from '../helpers/fake-cluster-reader.js';
import { nodeInfo } from '../helpers/records.js';

// Each cluster of a fleet has its own collector: one that hangs never holds up the others, the
// clusters off screen poll more slowly, and a one-cluster run lets go of the cluster it leaves.

const T0 = Date.parse('2026-06-26T10:00:00Z');
const INTERVAL = 5_000;
const BACKGROUND = 15_000;

let readers: Map<string, FakeClusterReader>;
let closed: string[];
let fleets: Fleet[];

function reader(context: string, hang = false): FakeClusterReader {
  const r = new FakeClusterReader(() => (hang ? new Promise(() => {}) : [nodeInfo(`${context}-1`)]));
  readers.set(context, r);
  return r;
}

function open(context: string): OpenedCluster {
  if (context === 'broken') throw new Error('client-key /nowhere/key.pem: no such file');
  const collector = new Collector({
    reader: readers.get(context) ?? reader(context),
    scope: { context, cluster: context, server: `https://${context}:6443`, namespace: null },
    intervalMs: INTERVAL,
    kubelet: null,
  });
  return { server: `https://${context}:6443`, collector, close: () => closed.push(context) };
}

function fleet(initial: string[], keep = true): Fleet {
  const f = new Fleet({
    initial: initial.map((context) => ({ context })),
    contexts: ['a', 'b', 'c', 'broken'],
    open,
    intervalMs: INTERVAL,
    backgroundMs: BACKGROUND,
    keep,
  });
  fleets.push(f);
  return f;
}

const polls = (context: string) => readers.get(context)?.calls.listNodes.map((t) => (t - T0) / 1000);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  readers = new Map();
  closed = [];
  fleets = [];
});
afterEach(() => {
  for (const f of fleets) f.stop();
  vi.useRealTimers();
});

describe('Fleet', () => {
  it('a cluster that never answers holds up none of the others', async () => {
    reader('a');
    reader('b', true);
    const f = fleet(['a', 'b']);
    let heard = 0;
    f.subscribe(() => heard++);
    f.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(
      f
        .member('a')
        ?.collector?.latest()
        ?.nodes.map((n) => n.name),
    ).toEqual(['a-1']);
    expect(f.member('b')?.collector?.latest()).toBeNull();
    // Told once the moment's news is in.
    expect(heard).toBe(0);
    await vi.advanceTimersByTimeAsync(250);
    expect(heard).toBe(1);
  });

  it('news of clusters polled together is told once', async () => {
    const f = fleet(['a', 'b', 'c']);
    let heard = 0;
    f.subscribe(() => heard++);
    f.start();
    await vi.advanceTimersByTimeAsync(20_000 + 300);
    // A first poll and four more, each of all three clusters at once: five tellings, not fifteen.
    expect(heard).toBe(5);
  });

  it('clusters on screen poll at the interval, the others every 15 s, and one brought on screen is polled at once', async () => {
    const f = fleet(['a', 'b']);
    f.start();
    f.onScreen(['a']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(polls('a')).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(polls('b')).toEqual([0, 15, 30]);
    expect(f.member('b')?.collector?.latest()?.intervalMs).toBe(BACKGROUND);
    await vi.advanceTimersByTimeAsync(2_000);
    f.onScreen(['b']);
    await vi.advanceTimersByTimeAsync(0);
    expect(polls('b')).toEqual([0, 15, 30, 32]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polls('b')).toEqual([0, 15, 30, 32, 37, 42]);
  });

  it('a fleet keeps the clusters it has and adds one picked later, started at once', async () => {
    const f = fleet(['a', 'b']);
    f.start();
    const added = f.open('c');
    expect(f.members().map((m) => m.context)).toEqual(['a', 'b', 'c']);
    await vi.advanceTimersByTimeAsync(0);
    expect(added.collector?.latest()).not.toBeNull();
    expect(f.open('a')).toBe(f.member('a'));
    expect(closed).toEqual([]);
  });

  it('a one-cluster run switches: the cluster left is stopped and its connection closed', async () => {
    const f = fleet(['a'], false);
    f.start();
    await vi.advanceTimersByTimeAsync(0);
    f.open('b');
    expect(f.members().map((m) => m.context)).toEqual(['b']);
    expect(closed).toEqual(['a']);
    const before = polls('a')?.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(polls('a')?.length).toBe(before);
    expect(polls('b')?.length).toBeGreaterThan(1);
  });

  it('a context that cannot be opened is a member with its reason, beside the others', async () => {
    const f = fleet(['a', 'broken']);
    f.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(f.member('broken')).toMatchObject({ collector: null, server: '', error: 'client-key /nowhere/key.pem: no such file' });
    expect(f.member('a')?.collector?.latest()).not.toBeNull();
  });

  it('stop ends every collector and closes every connection', async () => {
    const f = fleet(['a', 'b']);
    f.start();
    await vi.advanceTimersByTimeAsync(0);
    f.stop();
    expect(closed.sort()).toEqual(['a', 'b']);
    const counts = [polls('a')?.length, polls('b')?.length];
    await vi.advanceTimersByTimeAsync(30_000);
    expect([polls('a')?.length, polls('b')?.length]).toEqual(counts);
  });
});
