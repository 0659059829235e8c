import { afterEach, describe, expect, it, vi } from 'vitest';
import { WatchedList, type WatchedListOptions } from '../../src/collect/watched-list.js';
import type { Listed } from '../../src/kube/kube-client.js';
import { KubeError } from '../../src/kube/kube-error.js';

interface Item {
  uid: string;
  value: number;
}

type WatchCall = Parameters<WatchedListOptions<Item>['watch']>[0];

/** A server stand-in: each list() and watch() call is recorded; the test ends each watch as it likes. */
function server(initial: Item[], version = '10') {
  const lists: number[] = [];
  const watches: WatchCall[] = [];
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
        if (state.down) return reject(new KubeError('unreachable', 'cannot reach the server'));
        call.onOpen?.();
        ends.push((error) => (error ? reject(error) : resolve()));
      }),
  };
  const end = (error?: unknown) => ends.at(-1)?.(error);
  return { options, lists, watches, end, state };
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
    await vi.advanceTimersByTimeAsync(1_000);
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

  it('a sync retries a watch that is waiting out its backoff, so the list comes back with the next poll', async () => {
    vi.useFakeTimers();
    const s = server([{ uid: 'a', value: 1 }]);
    const list = new WatchedList(s.options);
    await list.sync(0);
    await vi.waitFor(() => expect(s.watches).toHaveLength(1));
    s.state.down = true;
    s.end(new KubeError('unreachable', 'cannot reach the server'));
    // The first retry is immediate and fails; the next waits a second, then two…
    await vi.advanceTimersByTimeAsync(1_500);
    const tried = s.watches.length;
    s.state.down = false;
    await list.sync(2_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.watches.length).toBe(tried + 1);
    expect(list.error()).toBeNull();
    await list.sync(2_001);
    expect(list.syncedAt()).toBe(2_001);
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

  it('a first list that fails after sync stopped waiting is reported by error(), and the next sync lists again', async () => {
    const s = slowList();
    const list = new WatchedList(s.options);
    await list.sync(1000, 20);
    s.pending[0]?.reject(new KubeError('forbidden', 'pods is forbidden'));
    await vi.waitFor(() => expect((list.error() as Error | null)?.message).toBe('pods is forbidden'));
    await list.sync(2000, 20);
    expect(s.pending).toHaveLength(2);
    s.pending[1]?.resolve();
    await vi.waitFor(() => expect(values(list)).toEqual(['a=1']));
    list.close();
  });
});
