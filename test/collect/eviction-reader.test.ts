import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvictionReader } from '../../src/collect/eviction-reader.js';
import { KubeError } from '../../src/kube/kube-error.js';
import type { EvictionPolicy } from '../../src/model/eviction.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');
const MINUTE = 60_000;
const HARD: EvictionPolicy['hard'] = { 'nodefs.available': { percent: 10 } };

/** A kubelet configz reader whose answer per node each test scripts; calls are kept with their times. */
function fakeReader(answer: (node: string) => EvictionPolicy['hard'] | Error = () => HARD) {
  const calls: { node: string; at: number }[] = [];
  return {
    calls,
    kubeletEviction: async (node: string) => {
      calls.push({ node, at: Date.now() });
      const a = answer(node);
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

let readers: EvictionReader[] = [];
function start(reader: ReturnType<typeof fakeReader>, nodes: string[]): EvictionReader {
  const r = new EvictionReader({ reader, spacingMs: 1000, refreshMs: 30 * MINUTE });
  readers.push(r);
  r.setNodes(nodes);
  r.start();
  return r;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  for (const r of readers) r.stop();
  readers = [];
  vi.useRealTimers();
});

describe('EvictionReader', () => {
  it('reads one node a second, nodes on screen first, and each only once in the refresh time', async () => {
    const reader = fakeReader();
    const r = start(reader, ['a', 'b', 'c', 'd']);
    r.prioritize(['c']);
    await vi.advanceTimersByTimeAsync(10 * 1000);
    expect(reader.calls.map((c) => c.node)).toEqual(['c', 'a', 'b', 'd']);
    expect(reader.calls.map((c) => c.at - T0)).toEqual([0, 1000, 2000, 3000]);
    expect(r.policies().get('a')).toEqual({ source: 'kubelet', why: '', hard: HARD });
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(reader.calls).toHaveLength(8);
  });

  it('hands out the same map until something changes, as snapshots compare it by identity', async () => {
    const r = start(fakeReader(), ['a']);
    await vi.advanceTimersByTimeAsync(100);
    const first = r.policies();
    await vi.advanceTimersByTimeAsync(5000);
    expect(r.policies()).toBe(first);
    r.setNodes([]);
    expect(r.policies()).not.toBe(first);
    expect(r.policies().size).toBe(0);
  });

  it('forbidden: every node on the defaults, labelled, and a probe every ten minutes', async () => {
    const reader = fakeReader(() => new KubeError('forbidden', 'forbidden', { status: 403 }));
    const r = start(reader, ['a', 'b']);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(reader.calls).toHaveLength(1);
    expect(r.policies().get('b')).toMatchObject({ source: 'defaults', why: 'configz forbidden (needs get nodes/proxy)' });
    await vi.advanceTimersByTimeAsync(5 * MINUTE + 1000);
    expect(reader.calls).toHaveLength(2);
  });

  it('a kubelet without configz keeps the defaults; one that does not answer is asked again in five minutes', async () => {
    let down = true;
    const reader = fakeReader((node) =>
      node === 'old' ? new KubeError('not-found', '404') : down ? new KubeError('unavailable', 'connection refused') : HARD,
    );
    const r = start(reader, ['old', 'flaky']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.policies().get('old')).toMatchObject({ source: 'defaults', why: 'the kubelet has no configz' });
    expect(r.policies().get('flaky')).toMatchObject({ source: 'defaults', why: 'configz unreadable: connection refused' });
    down = false;
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(reader.calls.filter((c) => c.node === 'flaky')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MINUTE + 1000);
    expect(r.policies().get('flaky')).toMatchObject({ source: 'kubelet' });
  });
});
