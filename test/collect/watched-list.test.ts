import { afterEach, describe, expect, it, vi } from 'vitest';
import { WatchedList, type WatchedListOptions } from '../../src/collect/watched-list.js';
import type { Listed } from '../../src/kube/kube-client.js';
import { KubeError, WatchUnsupportedError } from '../../src/kube/kube-error.js';

interface Item {
  uid: string;
  value: number;
}

type WatchCall = Parameters<WatchedListOptions<Item>['watch']>[0];

/** A server stand-in: each list() and watch() call is recorded; the test ends each watch as it likes. */
function server(initial: Item[], version = '10') {
  const lists: number[] = [];
  const watches: WatchCall[] = [];
  const watchTimes: number[] = [];
  const ends: Array<(error?: unknown) => void> = [];
  // While down, every watch fails at once, as against a refused connection.
  const state = { down: false };
  const options: WatchedListOptions<Item> = {
    uid: (i) => i.uid,
    list: async (): Promise<Listed<Item>> => {
      lists.push(Date.now());
      return { items: initial, skipped: 0, firstProblem: null, resourceVersion: version };
    },
    watch: (call) =>
      new Promise<void>((resolve, reject) => {
        watches.push(call);
        watchTimes.push(Date.now());
        if (state.down) return reject(new KubeError('unreachable', 'cannot reach the server'));
        call.onOpen?.();
        ends.push((error) => (error ? reject(error) : resolve()));
      }),
  };
  const end = (error?: unknown) => ends.at(-1)?.(error);
  return { options, lists, watches, watchTimes, end, state };
}

const values = (list: WatchedList<Item>) =>
  list
    .items()
    .map((i) => `${i.uid}=${i.value}`)
    .sort();

afterEach(() => {
  vi.useRealTimers();
});

describe('WatchedList (list once, then watch)', () => {
  it('lists once, then applies ADDED, MODIFIED and DELETED events without listing again', async () => {
    const s = server([
      { uid: 'a', value: 1 },
      { uid: 'b', value: 2 },
    ]);
    const list = new WatchedList(s.options);
    await list.sync(1000);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    const watch = s.watches[0] as WatchCall;
    expect(watch.resourceVersion).toBe('10');
    watch.onEvent({ type: 'MODIFIED', object: { uid: 'a', value: 5 } });
    watch.onEvent({ type: 'ADDED', object: { uid: 'c', value: 3 } });
    watch.onEvent({ type: 'DELETED', uid: 'b' });
    await list.sync(2000);
    expect(values(list)).toEqual(['a=5', 'c=3']);
    expect(s.lists).toHaveLength(1);
    expect(list.syncedAt()).toBe(2000);
    list.close();
  });

  it('resumes a dropped watch from the last resourceVersion it saw, without a new list', async () => {
    vi.useFakeTimers();
    const s = server([{ uid: 'a', value: 1 }]);
    const list = new WatchedList(s.options);
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    s.watches[0]?.onVersion('17');
    s.end(new KubeError('unreachable', 'connection dropped mid-response'));
    // About a second (client-go's first backoff, jittered by a fifth).
    await vi.advanceTimersByTimeAsync(700);
    expect(s.watches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(s.watches).toHaveLength(2);
    expect(s.watches[1]?.resourceVersion).toBe('17');
    expect(s.lists).toHaveLength(1);
    list.close();
  });

  it('reports the watch error and an unchanged sync time while disconnected', async () => {
    vi.useFakeTimers();
    const s = server([{ uid: 'a', value: 1 }]);
    const list = new WatchedList(s.options);
    await list.sync(100);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    s.state.down = true;
    s.end(new KubeError('unreachable', 'cannot reach the server'));
    await vi.advanceTimersByTimeAsync(10);
    await list.sync(5000);
    expect((list.error() as Error).message).toBe('cannot reach the server');
    expect(list.syncedAt()).toBe(100);
    expect(values(list)).toEqual(['a=1']);
    list.close();
  });

  it('lists again when the server answers 410 Gone (the resourceVersion is too old)', async () => {
    vi.useFakeTimers();
    const s = server([{ uid: 'a', value: 1 }]);
    const list = new WatchedList(s.options);
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    s.end(new KubeError('not-found', 'too old resource version', { status: 410 }));
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(2));
    expect(s.lists).toHaveLength(2);
    list.close();
  });

  it('is not current while a watch is asked for but not yet answered (an apiserver that hangs)', async () => {
    const s = server([{ uid: 'a', value: 1 }]);
    const hanging: WatchedListOptions<Item> = { ...s.options, watch: () => new Promise<void>(() => {}) };
    const list = new WatchedList(hanging);
    await list.sync(100);
    await list.sync(5000);
    expect(list.syncedAt()).toBe(100);
    list.close();
  });

  it('backs off a failing watch as client-go does, about 1 s doubling to 30 s, and says when it is back', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = server([{ uid: 'a', value: 1 }]);
    const onRecovered = vi.fn();
    const list = new WatchedList({ ...s.options, onRecovered });
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    s.state.down = true;
    const downAt = Date.now();
    s.end(new KubeError('unreachable', 'cannot reach the server'));
    await vi.advanceTimersByTimeAsync(120_000);
    const gaps = s.watchTimes.slice(2).map((t, i) => (t - (s.watchTimes[i + 1] ?? 0)) / 1000);
    // 2, 4, 8, 16, then 30 s at most, each within a fifth either way; never faster.
    for (const [i, gap] of gaps.slice(0, 4).entries()) expect(Math.abs(gap / 2 ** (i + 1) - 1)).toBeLessThanOrEqual(0.2);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(36);
    expect(s.watchTimes.length - 1).toBeLessThanOrEqual(10);
    expect((s.watchTimes[1] ?? 0) - downAt).toBeGreaterThanOrEqual(800);
    expect(onRecovered).not.toHaveBeenCalled();
    s.state.down = false;
    await vi.advanceTimersByTimeAsync(40_000);
    expect(onRecovered).toHaveBeenCalledTimes(1);
    expect(list.error()).toBeNull();
    list.close();
  });

  it('forgives the failures of a watch that delivered an event: the next try is about a second later', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = server([{ uid: 'a', value: 1 }]);
    const list = new WatchedList(s.options);
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    for (let i = 0; i < 4; i++) {
      s.end(new KubeError('unreachable', 'dropped'));
      await vi.advanceTimersByTimeAsync(40_000);
    }
    const before = s.watches.length;
    s.watches.at(-1)?.onEvent({ type: 'MODIFIED', object: { uid: 'a', value: 2 } });
    s.end(new KubeError('unreachable', 'dropped'));
    await vi.advanceTimersByTimeAsync(1_300);
    expect(s.watches.length).toBe(before + 1);
    list.close();
  });

  it('a watch ended by the server after a healthy while is resumed at once; one that ends at once is not', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = server([{ uid: 'a', value: 1 }]);
    const list = new WatchedList(s.options);
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(300_000);
    s.end();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.watches).toHaveLength(2);
    // Ended by the server 10 ms after it opened, with no event: asked again only after a pause.
    await vi.advanceTimersByTimeAsync(10);
    s.end();
    await vi.advanceTimersByTimeAsync(500);
    expect(s.watches).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.watches).toHaveLength(3);
    list.close();
  });

  it('a second 410 in a row is not listed again at once', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = server([{ uid: 'a', value: 1 }]);
    const list = new WatchedList(s.options);
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    const gone = () => new KubeError('not-found', 'too old resource version', { status: 410 });
    s.end(gone());
    await vi.advanceTimersByTimeAsync(0);
    expect(s.lists).toHaveLength(2);
    s.end(gone());
    await vi.advanceTimersByTimeAsync(500);
    expect(s.lists).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.lists).toHaveLength(3);
    list.close();
  });

  it('counts objects the watch could not validate instead of stopping', async () => {
    const s = server([]);
    const list = new WatchedList(s.options);
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    s.watches[0]?.onInvalid('spec.containers: expected array');
    s.watches[0]?.onEvent({ type: 'ADDED', object: { uid: 'z', value: 9 } });
    expect(list.skippedCount()).toBe(1);
    expect(values(list)).toEqual(['z=9']);
    list.close();
  });
});

describe('WatchedList: a first list slower than the first frame', () => {
  /** A list that answers (or fails) only when the test says so. */
  function slowList() {
    const s = server([{ uid: 'a', value: 1 }]);
    const pending: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
    const fast = s.options.list;
    const options: WatchedListOptions<Item> = {
      ...s.options,
      list: () => new Promise((resolve, reject) => pending.push({ resolve: () => resolve(fast()), reject })),
    };
    return { ...s, options, pending };
  }

  it('sync stops waiting after waitMs with nothing listed, and onListed says when the list is in', async () => {
    const s = slowList();
    const onListed = vi.fn();
    const list = new WatchedList({ ...s.options, onListed });
    await list.sync(1000, 20);
    expect(list.items()).toEqual([]);
    expect(list.syncedAt()).toBeNull();
    expect(list.error()).toBeNull();
    // A poll while the first list is still coming starts no second one.
    await list.sync(1100, 20);
    expect(s.pending).toHaveLength(1);
    s.pending[0]?.resolve();
    await vi.waitFor(() => expect(onListed).toHaveBeenCalledTimes(1));
    expect(values(list)).toEqual(['a=1']);
    expect(list.syncedAt()).toBe(1000);
    list.close();
  });

  it('a list that is in within waitMs is simply awaited: no announcement', async () => {
    const s = server([{ uid: 'a', value: 1 }]);
    const onListed = vi.fn();
    const list = new WatchedList({ ...s.options, onListed });
    await list.sync(1000, 5_000);
    expect(values(list)).toEqual(['a=1']);
    expect(onListed).not.toHaveBeenCalled();
    list.close();
  });

  it('a first list that fails after sync stopped waiting is reported by error(), and listed again after a backoff', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = slowList();
    const list = new WatchedList(s.options);
    const sync = async (now: number) => {
      const done = list.sync(now, 20);
      await vi.advanceTimersByTimeAsync(20);
      await done;
    };
    await sync(0);
    s.pending[0]?.reject(new KubeError('forbidden', 'pods is forbidden'));
    await vi.advanceTimersByTimeAsync(0);
    expect((list.error() as Error | null)?.message).toBe('pods is forbidden');
    // Polls in the meantime do not ask again: a failed list waits about a second, then two…
    for (let t = 100; t < 700; t += 100) {
      await vi.advanceTimersByTimeAsync(80);
      await sync(t);
    }
    expect(s.pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(700);
    await sync(1400);
    expect(s.pending).toHaveLength(2);
    s.pending[1]?.resolve();
    await vi.waitFor(() => expect(values(list)).toEqual(['a=1']));
    list.close();
  });
});

describe('WatchedList where the server does not do watches', () => {
  it('a watch answered with a list: lists every poll instead, says so, and tries a watch again after five minutes', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = server([{ uid: 'a', value: 1 }]);
    let watchWorks = false;
    const options: WatchedListOptions<Item> = {
      ...s.options,
      noun: 'pods',
      intervalMs: 5_000,
      watch: (call) => (watchWorks ? s.options.watch(call) : Promise.reject(new WatchUnsupportedError('a PodList'))),
    };
    const list = new WatchedList(options);
    await list.sync(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(list.notice()).toBe('watch unavailable (answered with a PodList): listing pods every 5s');
    for (let t = 5_000; t <= 60_000; t += 5_000) {
      await vi.advanceTimersByTimeAsync(5_000);
      await list.sync(t);
    }
    // One list per poll, and no watch meanwhile: 1 + 12 lists, the single refused watch.
    expect(s.lists).toHaveLength(13);
    expect(list.syncedAt()).toBe(60_000);
    expect(list.error()).toBeNull();
    watchWorks = true;
    for (let t = 65_000; t <= 310_000; t += 5_000) {
      await vi.advanceTimersByTimeAsync(5_000);
      await list.sync(t);
    }
    expect(s.watches).toHaveLength(1);
    expect(list.notice()).toBeNull();
    const listsThen = s.lists.length;
    await vi.advanceTimersByTimeAsync(5_000);
    await list.sync(315_000);
    expect(s.lists).toHaveLength(listsThen);
    list.close();
  });

  it('a watch the server closes at once, three times over, is given up for lists: never a storm', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = server([{ uid: 'a', value: 1 }]);
    const options: WatchedListOptions<Item> = {
      ...s.options,
      noun: 'nodes',
      intervalMs: 2_000,
      watch: (call) => {
        call.onOpen?.();
        return Promise.resolve();
      },
    };
    let watches = 0;
    const list = new WatchedList({
      ...options,
      watch: (call) => {
        watches++;
        return options.watch(call);
      },
    });
    for (let t = 0; t <= 30_000; t += 2_000) {
      await list.sync(t);
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(watches).toBe(3);
    expect(list.notice()).toBe('watch unavailable (the server closes watches at once): listing nodes every 2s');
    expect(s.lists.length).toBeGreaterThanOrEqual(10);
    expect(list.syncedAt()).toBe(30_000);
    list.close();
  });
});
