import { describe, expect, it } from 'vitest';
import { matchesAny, parseTextFilter } from '../../src/model/text-filter.js';

describe('parseTextFilter', () => {
  it.each([
    // plain text: case-insensitive substring, regex characters taken literally
    ['api', 'web/API-7c9f', true],
    ['API', 'api-7c9f', true],
    ['db', 'api-7c9f', false],
    ['a.c', 'abc', false],
    ['a.c', 'xa.cx', true],
    // /regex/: case-sensitive unless /i
    ['/^api-/', 'api-7c9f', true],
    ['/^api-/', 'web-api-1', false],
    ['/a.c/', 'abc', true],
    ['/API/', 'api', false],
    ['/API/i', 'api', true],
    ['/(web|db)-\\d+$/', 'shop/db-12', true],
    ['/(web|db)-\\d+$/', 'shop/db-x', false],
    ['//', 'anything', true],
    // one slash is not a regex
    ['/', 'a/b', true],
  ])('%j matches %j: %s', (source, text, matches) => {
    const filter = parseTextFilter(source);
    expect(filter.error).toBeNull();
    expect(filter.test(text)).toBe(matches);
  });

  it.each([
    ['/[/', 'path /[/ here', 'abc'],
    ['/(unclosed/', 'x/(UNCLOSED/y', 'unclosed'],
    ['/a/q', 'A/A/Q', 'a'],
  ])('invalid regex %j falls back to plain text and says why', (source, hit, miss) => {
    const filter = parseTextFilter(source);
    expect(filter.error).toMatch(/^invalid regex: /);
    expect(filter.test(hit)).toBe(true);
    expect(filter.test(miss)).toBe(false);
  });

  it('a g flag does not make matching depend on the previous call', () => {
    const filter = parseTextFilter('/web/g');
    expect([filter.test('web-1'), filter.test('web-1'), filter.test('web-1')]).toEqual([true, true, true]);
  });
});

describe('matchesAny', () => {
  it.each([
    [null, ['x'], true],
    ['', ['x'], true],
    ['node-7', ['web-1', 'shop', 'node-7'], true],
    ['node-8', ['web-1', 'shop', 'node-7'], false],
    ['x', [], false],
  ])('filter %j over %j → %s', (source, fields, expected) => {
    expect(matchesAny(source === null ? null : parseTextFilter(source), fields)).toBe(expected);
  });
});
