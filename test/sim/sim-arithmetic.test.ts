import { describe, expect, it } from 'vitest';
import { parseLabelSelector, selects } from '../../src/sim/label-selector.js';
import { thousandths, wholeUnits } from '../../src/sim/quantity-value.js';
import { humanAge } from '../../src/sim/table-age.js';

// The sim's own reading of quantities, label selectors and ages, held to Kubernetes' rules with
// values worked out by hand: the client has its own code for each, and neither checks the other.

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanAge, as the Table printer writes AGE', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1999, '0s'],
    [0, '0s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [5 * M + 3 * S, '5m3s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [2 * D + 3 * H, '2d3h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [3 * 365 * D + 40 * D, '3y40d'],
    [8 * 365 * D, '8y'],
  ])('%i ms is %s', (ms, text) => {
    expect(humanAge(ms)).toBe(text);
  });
});

describe('quantities in the sim’s specs, rounded up as ScaledValue does', () => {
  it.each([
    ['250m', 250, 1],
    ['1', 1000, 1],
    ['1.5', 1500, 2],
    ['1500m', 1500, 2],
    ['100n', 1, 1],
    ['256Mi', 268_435_456_000, 268_435_456],
    ['500M', 500_000_000_000, 500_000_000],
    ['1G', 1_000_000_000_000, 1_000_000_000],
    ['1.5Gi', 1_610_612_736_000, 1_610_612_736],
    ['1e3', 1_000_000, 1000],
    ['12E-1', 1200, 2],
    ['-250m', -250, 0],
    ['-1.5', -1500, -1],
  ])('%s: %i thousandths, %i whole units', (text, milli, units) => {
    expect(thousandths(text)).toBe(milli);
    expect(wholeUnits(text)).toBe(units);
  });

  it.each(['', 'Mi', '1.2.3', '5 Mi', '1mi', '1KiB'])('rejects %j', (text) => {
    expect(() => wholeUnits(text)).toThrow(/not a quantity/);
  });
});

describe('label selectors, as the apiserver parses and matches them', () => {
  const labels = { app: 'web', tier: 'front', replicas: '12', 'example.com/team': 'a' };

  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app = web , tier=front', true],
    ['app!=db', true],
    ['missing!=x', true],
    ['missing=x', false],
    ['app in (db, web)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['example.com/team in (a)', true],
    ['replicas>11', true],
    ['replicas<12', false],
    ['app>1', false],
    ['missing<5', false],
    ['tier in ()', false],
    ['app=', false],
    ['in=x', false],
  ])('%j selects the object: %s', (text, expected) => {
    expect(selects(parseLabelSelector(text), labels)).toBe(expected);
  });

  it('reads an empty place in a set, and an empty exact value, as the empty label value', () => {
    expect(selects(parseLabelSelector('canary in (,yes)'), { canary: '' })).toBe(true);
    expect(selects(parseLabelSelector('canary='), { canary: '' })).toBe(true);
  });

  it.each([
    ['app web', /^unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt$/],
    ['app=web,', /^found '', expected: identifier after ','$/],
    ['=web', /^found '=', expected: !, identifier, or 'end of string'$/],
    ['!app=web', /^found '=', expected: ',' or 'end of string'$/],
    ['app in web', /^unable to parse requirement: found 'web' expected: '\('$/],
    ['app in (a b)', /found 'b'/],
    ['app>x', /value must be an integer/],
    ['Bad Key=x', /expected: in, notin/],
    ['-bad=x', /Invalid value: "-bad"/],
    ['app=-web', /Invalid value: "-web"/],
    ['UPPER.example.com/x=y', /Invalid value/],
  ])('rejects %j', (text, message) => {
    expect(() => parseLabelSelector(text)).toThrow(message);
  });
});
