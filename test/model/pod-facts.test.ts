import { describe, expect, it } from 'vitest';
import { PodFactsCache } from '../../src/model/pod-facts.js';
import { container, podInfo } from '../helpers/records.js';

const MINUTE = 60_000;
const FRAME = 5_000;

describe('PodFactsCache', () => {
  // Pending pods turn from ok to warn once they have waited 5 minutes: facts that age with the clock.
  const pending = Array.from({ length: 600 }, (_, i) =>
    podInfo(`web-${i}`, { uid: `0f3c${i.toString(16).padStart(8, '0')}`, phase: 'Pending', containers: [] }),
  );

  it('renews facts as they age, each pod at its own point in the minute rather than all in one frame', () => {
    const cache = new PodFactsCache();
    for (const pod of pending) expect(cache.facts(pod, 0)).toMatchObject({ status: 'Pending', statusLevel: 'ok' });
    const turned: number[] = [];
    let warned = new Set<string>();
    // A frame every 5 s, as polls draw them.
    for (let now = FRAME; now <= 6 * MINUTE + FRAME; now += FRAME) {
      const warnNow = new Set(pending.filter((pod) => cache.facts(pod, now).statusLevel === 'warn').map((pod) => pod.uid));
      turned.push(warnNow.size - warned.size);
      warned = warnNow;
    }
    expect(warned.size).toBe(pending.length);
    expect(Math.max(...turned)).toBeLessThan(pending.length / 4);
  });

  it('keeps facts between renewals and recomputes them when the clock goes back', () => {
    const cache = new PodFactsCache();
    const pod = pending[0] ?? podInfo('x');
    expect(cache.facts(pod, 10 * MINUTE).statusLevel).toBe('warn');
    expect(cache.facts(pod, 10 * MINUTE + 1).statusLevel).toBe('warn');
    expect(cache.facts(pod, MINUTE).statusLevel).toBe('ok');
  });

  it('a restart alert clears within the minute after it is an hour old', () => {
    const cache = new PodFactsCache();
    const lastTermination = { reason: 'Error', exitCode: 1, finishedAt: 0 };
    const pod = podInfo('web', { containers: [container('app', { restarts: 1, lastTermination })] });
    expect(cache.facts(pod, MINUTE).statusLevel).toBe('warn');
    expect(cache.facts(pod, 60 * MINUTE).statusLevel).toBe('warn');
    expect(cache.facts(pod, 62 * MINUTE).statusLevel).toBe('ok');
  });
});
