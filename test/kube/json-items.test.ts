import { describe, expect, it } from 'vitest';
import { ItemSplitter } from '../../src/kube/json-items.js';
import { describeWithFixtures, FIXTURE, fixtureText } from '../helpers/fixtures.js';

function split(chunks: readonly Buffer[]): { items: unknown[]; envelope: Record<string, unknown> } {
  const items: unknown[] = [];
  const splitter = new ItemSplitter((item) => items.push(item));
  for (const chunk of chunks) splitter.push(chunk);
  return { items, envelope: splitter.end() };
}

function chunked(body: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) out.push(body.subarray(i, i + size));
  return out;
}

// Items chosen to trip a byte scanner: quotes, backslashes, braces and brackets inside strings,
// multi-byte UTF-8 (2-byte ü, 4-byte emoji), a nested "items" key, empty objects and arrays.
const items = [
  { metadata: { name: 'plain', namespace: 'default' }, n: 1 },
  { metadata: { name: 'quotes "inside" } ] { [' }, note: 'ends with a backslash \\' },
  { metadata: { name: 'nœud-ü-größe', labels: { emoji: '🚀🔥', cjk: '節点' } } },
  { spec: { items: [{ x: 1 }, { y: [[], {}] }], list: { items: [] } }, s: '"items":[' },
  { escapes: '\\"\\\\\\/\b\f\n\r\t\u0001\u00e9\ud83d\ude80', empty: {}, arr: [] },
];
const envelope = {
  kind: 'PodList',
  apiVersion: 'v1',
  metadata: { resourceVersion: '123456', continue: 'eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTIzNDU2fQ', remainingItemCount: 7 },
};
const body = Buffer.from(JSON.stringify({ ...envelope, items }));

describe('ItemSplitter', () => {
  it('yields every item and the envelope from one chunk', () => {
    const out = split([body]);
    expect(out.items).toEqual(items);
    expect(out.envelope).toEqual({ ...envelope, items: [] });
  });

  it('body split in two at every byte boundary', () => {
    for (let cut = 0; cut <= body.length; cut++) {
      const out = split([body.subarray(0, cut), body.subarray(cut)]);
      expect(out.items, `cut at ${cut}`).toEqual(items);
      expect(out.envelope, `cut at ${cut}`).toEqual({ ...envelope, items: [] });
    }
  });

  it.each([1, 2, 3, 5, 13])('body in chunks of %d bytes', (size) => {
    const out = split(chunked(body, size));
    expect(out.items).toEqual(items);
    expect(out.envelope.metadata).toEqual(envelope.metadata);
  });

  it('envelope keys after the items are kept, and pretty-printed bodies work', () => {
    const pretty = Buffer.from(JSON.stringify({ kind: 'NodeList', items, metadata: { resourceVersion: '9' } }, null, 2));
    for (let cut = 0; cut <= pretty.length; cut += 7) {
      const out = split([pretty.subarray(0, cut), pretty.subarray(cut)]);
      expect(out.items).toEqual(items);
      expect(out.envelope).toEqual({ kind: 'NodeList', items: [], metadata: { resourceVersion: '9' } });
    }
  });

  it('an "items" key inside metadata does not start the item list', () => {
    const raw = { kind: 'List', metadata: { items: [{ fake: true }] }, items: [{ real: true }] };
    const out = split(chunked(Buffer.from(JSON.stringify(raw)), 4));
    expect(out.items).toEqual([{ real: true }]);
    expect(out.envelope.metadata).toEqual({ items: [{ fake: true }] });
  });

  it('items: [] yields nothing and a full envelope', () => {
    const out = split([Buffer.from('{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"42"},"items":[]}')]);
    expect(out.items).toEqual([]);
    expect(out.envelope).toEqual({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '42' }, items: [] });
  });

  it('a body cut short anywhere makes end() throw', () => {
    for (let cut = 0; cut < body.length; cut++) {
      const splitter = new ItemSplitter(() => {});
      splitter.push(body.subarray(0, cut));
      expect(() => splitter.end(), `cut at ${cut}`).toThrow(SyntaxError);
    }
  });

  it('a body that is not an object is refused', () => {
    const splitter = new ItemSplitter(() => {});
    splitter.push(Buffer.from('[1,2]'));
    expect(() => splitter.end()).toThrow('list body is not an object');
  });
});

describeWithFixtures('ItemSplitter on the kubelet /pods fixture (compact JSON, 24 pods)', () => {
  const text = fixtureText(FIXTURE.kubeletPods);
  const whole = JSON.parse(text) as { items: unknown[]; metadata: unknown };
  const bytes = Buffer.from(text);

  it.each([3, 17, 256, 4096, 65_536])('chunks of %d bytes give the same items as JSON.parse', (size) => {
    const out = split(chunked(bytes, size));
    expect(out.items).toHaveLength(24);
    expect(out.items).toEqual(whole.items);
    // the kubelet's list metadata is empty: no resourceVersion
    expect(out.envelope).toEqual({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [] });
  });
});
