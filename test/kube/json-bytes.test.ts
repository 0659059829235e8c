import { describe, expect, it } from 'vitest';
import { JsonBytes } from '../../src/kube/json-bytes.js';

/** Whether the reader takes `text` as one JSON value, as JSON.parse decides. */
function readsWhole(text: string): boolean {
  const r = new JsonBytes();
  const bytes = Buffer.from(text);
  r.reset(bytes, 0, bytes.length);
  try {
    r.skip();
    return r.done();
  } catch (e) {
    if (e instanceof SyntaxError) return false;
    throw e;
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const item = JSON.stringify({
  metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web', 'a/b': 'x"y\\z' } },
  timestamp: '2026-06-26T10:14:35Z',
  window: '15s',
  containers: [{ name: 'main', usage: { cpu: '487558164n', memory: '732212Ki' } }],
  n: [0, -1.5e3, 2e-2, 10, true, false, null, {}, []],
  u: '\u00e9\ud83d\ude80 é 🚀 \\u0041',
});

describe('JsonBytes accepts exactly what JSON.parse accepts', () => {
  it.each([
    ['an item', item],
    ['spaced', ' { "a" : [ 1 , 2 ] } '],
    ['numbers', '[0, -0, 1.25, 1e5, 1E+5, 1e-5, -12.5e10]'],
    ['escapes', '"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE80"'],
    ['a leading zero', '[01]'],
    ['a bare dot', '[1.]'],
    ['a plus sign', '[+1]'],
    ['a trailing comma', '[1,]'],
    ['a missing comma', '{"a":1 "b":2}'],
    ['a missing colon', '{"a" 1}'],
    ['a key that is not a string', '{a:1}'],
    ['a NUL in a string', '"a\u0000b"'],
    ['a tab in a string', '"a\tb"'],
    ['a bad escape', '"\\x41"'],
    ['a short unicode escape', '"\\u12"'],
    ['a misspelt literal', '[nul]'],
    ['an unterminated string', '{"a":"b}'],
    ['an unclosed object', '{"a":{}'],
    ['two values', '{} {}'],
    ['nothing', ''],
  ])('%s', (_, text) => {
    expect(readsWhole(text)).toBe(parses(text));
  });

  it('any one byte of an item changed or dropped: the same verdict as JSON.parse', () => {
    const bytes = Buffer.from(item);
    const replacements = [0x00, 0x09, 0x20, 0x22, 0x2c, 0x30, 0x3a, 0x5c, 0x5d, 0x61, 0x7d, 0xff];
    for (let i = 0; i < bytes.length; i++) {
      const dropped = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]).toString('latin1');
      expect(readsWhole(dropped), `without byte ${i}`).toBe(parses(dropped));
      for (const b of replacements) {
        const changed = Buffer.from(bytes);
        changed[i] = b;
        const text = changed.toString('latin1');
        expect(readsWhole(text), `byte ${i} as ${b}`).toBe(parses(text));
      }
    }
  });

  it('reads strings as JSON.parse does, escapes and all', () => {
    const r = new JsonBytes();
    for (const s of ['plain', 'nœud-ü-größe 🚀', 'q"b\\s/\n\t\u0001', '']) {
      const bytes = Buffer.from(JSON.stringify(s));
      r.reset(bytes, 0, bytes.length);
      r.string();
      expect(r.text()).toBe(s);
    }
  });
});
