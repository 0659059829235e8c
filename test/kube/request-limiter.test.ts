import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestLimiter } from '../../src/kube/request-limiter.js';

afterEach(() => vi.useRealTimers());

describe('RequestLimiter (client-go QPS 5, burst 10)', () => {
  it('lets a burst through at once, then one request per 1/qps, first come first served', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RequestLimiter({ qps: 5, burst: 10 }, () => Date.now());
    const granted: [number, number][] = [];
    for (let i = 0; i < 20; i++) void limiter.acquire().then(() => granted.push([i, Date.now()]));
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(granted.map(([i]) => i)).toEqual([...Array(20).keys()]);
    expect(granted.slice(10).map(([, at]) => at)).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
  });

  it('never lets more than qps × seconds + burst through, however many ask', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RequestLimiter({ qps: 5, burst: 10 }, () => Date.now());
    let granted = 0;
    for (let i = 0; i < 1000; i++) void limiter.acquire().then(() => granted++);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(granted).toBe(10 + 5 * 30);
  });

  it('a request whose signal aborts while it waits leaves the queue, and the rest keep their order', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RequestLimiter({ qps: 1, burst: 1 }, () => Date.now());
    await limiter.acquire();
    const abort = new AbortController();
    const order: string[] = [];
    const gone = limiter.acquire(abort.signal).then(
      () => order.push('aborted one'),
      () => order.push('rejected'),
    );
    void limiter.acquire().then(() => order.push('next'));
    abort.abort();
    await gone;
    expect(limiter.waiting()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual(['rejected', 'next']);
  });
});
