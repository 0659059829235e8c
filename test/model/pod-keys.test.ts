import { describe, expect, it } from 'vitest';
import { NO_KEY, PodKeys } from '../../src/model/pod-keys.js';
import { podInfo } from '../helpers/records.js';

const keysOf = (...names: string[]) => {
  const keys = new PodKeys();
  for (const name of names) keys.add('ns', name);
  return keys;
};

describe('PodKeys', () => {
  it('numbers each pod once, by namespace and name, and names it back', () => {
    const keys = new PodKeys();
    expect([keys.add('a', 'web'), keys.add('b', 'web'), keys.add('a', 'web')]).toEqual([0, 1, 0]);
    expect([keys.idOf('b', 'web'), keys.idOf('a', 'db')]).toEqual([1, NO_KEY]);
    expect([keys.namespaceOf(1), keys.nameOf(1), keys.size]).toEqual(['b', 'web', 2]);
    expect([keys.addContainer('main'), keys.addContainer('sidecar'), keys.addContainer('main')]).toEqual([0, 1, 0]);
    expect(keys.containerName(1)).toBe('sidecar');
  });

  it.each<[string, (pods: ReturnType<typeof podInfo>[]) => ReturnType<typeof podInfo>[]]>([
    ['the same list', (pods) => pods],
    ['one pod replaced by a newer object', (pods) => pods.map((p, i) => (i === 2 ? { ...p } : p))],
    ['one pod gone', (pods) => pods.filter((_, i) => i !== 1)],
    ['three pods in a row gone', (pods) => pods.filter((_, i) => i < 1 || i > 3)],
    ['a pod added at the end', (pods) => [...pods, podInfo('f', { namespace: 'ns' })]],
    ['a pod added in the middle', (pods) => [...pods.slice(0, 2), podInfo('x', { namespace: 'ns' }), ...pods.slice(2)]],
    ['a list in another order', (pods) => [...pods].reverse()],
  ])('matches pods to their numbers after %s, as a lookup by name would', (_, change) => {
    const keys = keysOf('a', 'b', 'c', 'd', 'e', 'f');
    const pods = ['a', 'b', 'c', 'd', 'e'].map((name) => podInfo(name, { namespace: 'ns' }));
    keys.idsOf(pods);
    const next = change(pods);
    expect([...keys.idsOf(next)]).toEqual(next.map((p) => keys.idOf(p.namespace, p.name)));
  });

  it('a pod with no number yet gets it once metrics name it', () => {
    const keys = keysOf('a');
    const pods = [podInfo('a', { namespace: 'ns' }), podInfo('b', { namespace: 'ns' })];
    expect([...keys.idsOf(pods)]).toEqual([0, NO_KEY]);
    keys.add('ns', 'b');
    expect([...keys.idsOf(pods)]).toEqual([0, 1]);
  });
});
