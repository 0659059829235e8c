import { describe, expect, it } from 'vitest';
import { closesWhole, leadingMember } from '../../src/kube/json-member.js';
import { describeWithFixtures, FIXTURE, fixtureText } from '../helpers/fixtures.js';

const member = (text: string, key = 'node') => leadingMember(Buffer.from(text), key)?.toString() ?? null;

describe('leadingMember: the first member of an object, cut out without parsing the rest', () => {
  it.each<[string, string, string | null]>([
    ['compact', '{"node":{"a":1},"pods":[{"b":2}]}', '{"a":1}'],
    ['indented as go-restful writes it', '{\n "node": {\n  "a": 1\n },\n "pods": []\n}', '{\n  "a": 1\n }'],
    ['braces and quotes inside strings', '{"node":{"x":"}{\\"]","y":[1,{"z":"]"}]},"pods":[]}', '{"x":"}{\\"]","y":[1,{"z":"]"}]}'],
    ['another member first: not this one', '{"pods":[],"node":{"a":1}}', null],
    ['a value that is not an object', '{"node":"n1"}', null],
    ['cut short before the member closes', '{"node":{"a":[1,2', null],
    ['not an object at all', '[{"node":{}}]', null],
  ])('%s', (_, text, expected) => {
    expect(member(text)).toBe(expected);
  });
});

describe('closesWhole: a document that ends where it should', () => {
  it.each<[string, string, boolean]>([
    ['an object with space after it', '{"a":[1,{"b":"}"}]}\n', true],
    ['cut halfway', '{"node":{"a":1},"pods":[{"b"', false],
    ['something after the end', '{"a":1} {"b":2}', false],
    ['an unterminated string', '{"a":"}', false],
  ])('%s: %s', (_, text, expected) => {
    expect(closesWhole(Buffer.from(text))).toBe(expected);
  });
});

describeWithFixtures('leadingMember on real kubelet summaries', () => {
  it.each([FIXTURE.summary135, FIXTURE.summary131])('%s: the node part is the node object, a small share of the bytes', (name) => {
    const text = fixtureText(name);
    const node = leadingMember(Buffer.from(text), 'node');
    expect(JSON.parse(node?.toString() ?? 'null')).toEqual((JSON.parse(text) as { node: unknown }).node);
    expect(node?.length ?? 0).toBeLessThan(text.length / 5);
    expect(closesWhole(Buffer.from(text))).toBe(true);
    expect(closesWhole(Buffer.from(text.slice(0, text.length / 2)))).toBe(false);
  });
});
