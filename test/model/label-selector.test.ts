import { describe, expect, it } from 'vitest';
import { type LabelSelector, matchesSelector, parseLabelSelector, SelectorError } from '../../src/model/label-selector.js';

describe('parseLabelSelector', () => {
  it.each<[string, LabelSelector]>([
    ['', []],
    ['   ', []],
    ['app=web', [{ op: 'in', key: 'app', values: ['web'] }]],
    ['app==web', [{ op: 'in', key: 'app', values: ['web'] }]],
    ['app!=web', [{ op: 'notin', key: 'app', values: ['web'] }]],
    ['env in (prod,stage)', [{ op: 'in', key: 'env', values: ['prod', 'stage'] }]],
    ['env notin (prod, stage)', [{ op: 'notin', key: 'env', values: ['prod', 'stage'] }]],
    ['canary', [{ op: 'exists', key: 'canary' }]],
    ['!canary', [{ op: 'notexists', key: 'canary' }]],
    ['app.kubernetes.io/name=kmon', [{ op: 'in', key: 'app.kubernetes.io/name', values: ['kmon'] }]],
    [
      ' app = web , tier != db ',
      [
        { op: 'in', key: 'app', values: ['web'] },
        { op: 'notin', key: 'tier', values: ['db'] },
      ],
    ],
    [
      'env in (prod,stage),!canary,team',
      [
        { op: 'in', key: 'env', values: ['prod', 'stage'] },
        { op: 'notexists', key: 'canary' },
        { op: 'exists', key: 'team' },
      ],
    ],
  ])('%j', (text, selector) => {
    expect(parseLabelSelector(text)).toEqual(selector);
  });

  it.each([
    ['app=web,', /empty requirement/],
    [',app=web', /empty requirement/],
    ['app in prod', /cannot parse/],
    ['app in (a,b', /cannot parse/],
    ['app=we b', /cannot parse/],
    ['app in (a b)', /invalid label value "a b"/],
    ['=web', /invalid label key "=web"/],
    ['a=b=c', /invalid label value "b=c"/],
    ['-app=web', /invalid label key "-app"/],
    ['a/b/c=1', /invalid label key "a\/b\/c"/],
    ['app=web!', /invalid label value "web!"/],
    ['!', /invalid label key/],
  ])('%j is rejected: %s', (text, message) => {
    expect(() => parseLabelSelector(text)).toThrow(SelectorError);
    expect(() => parseLabelSelector(text)).toThrow(message);
  });
});

describe('matchesSelector', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['', { any: 'thing' }, true],
    ['app=web', { app: 'web' }, true],
    ['app=web', { app: 'api' }, false],
    ['app=web', {}, false],
    ['app!=web', { app: 'api' }, true],
    ['app!=web', {}, true],
    ['app!=web', { app: 'web' }, false],
    ['env in (prod,stage)', { env: 'stage' }, true],
    ['env in (prod,stage)', { env: 'dev' }, false],
    ['env in (prod,stage)', {}, false],
    ['env notin (prod,stage)', { env: 'dev' }, true],
    ['env notin (prod,stage)', {}, true],
    ['env notin (prod,stage)', { env: 'prod' }, false],
    ['canary', { canary: '' }, true],
    ['canary', {}, false],
    ['!canary', {}, true],
    ['!canary', { canary: 'yes' }, false],
    ['x=', { x: '' }, true],
    ['x=', { x: 'a' }, false],
    // inherited object properties are not labels
    ['constructor', {}, false],
    ['!toString', {}, true],
    ['app=web,tier!=db', { app: 'web', tier: 'cache' }, true],
    ['app=web,tier!=db', { app: 'web', tier: 'db' }, false],
    ['env in (prod,stage),!canary,team', { env: 'prod', team: 'a' }, true],
    ['env in (prod,stage),!canary,team', { env: 'prod', team: 'a', canary: '1' }, false],
    ['env in (prod,stage),!canary,team', { env: 'prod' }, false],
  ])('%j on %j → %s', (text, labels, expected) => {
    expect(matchesSelector(parseLabelSelector(text), labels)).toBe(expected);
  });
});
