import { describe, expect, it } from 'vitest';
import { fitCell } from '../../src/ui/fit-text.js';

describe('fitCell: an alert glyph is never cut', () => {
  it.each([
    ['CrashLoopBackOff', ' ‼', 20, 'left', 'CrashLoopBackOff ‼  '],
    ['CrashLoopBackOff', ' ‼', 17, 'left', 'CrashLoopBackOff‼'],
    ['CrashLoopBackOff', ' ‼', 10, 'left', 'CrashLoo…‼'],
    ['Ready,Disk', ' !!', 10, 'left', 'Ready,D…!!'],
    ['100%', ' !!', 6, 'right', '100%!!'],
    ['93%', ' ‼', 6, 'right', ' 93% ‼'],
    ['48%', '  ', 6, 'right', '  48%  '.slice(1)],
    ['Running', '', 5, 'left', 'Runn…'],
  ] as const)('%s%s in %i columns (%s): "%s"', (text, mark, columns, align, expected) => {
    expect(fitCell(text, mark, columns, align)).toBe(expected);
  });

  it('a column too narrow for text and glyph still shows exactly its width', () => {
    expect(fitCell('NotReady', ' ‼', 2, 'left')).toHaveLength(2);
    expect(fitCell('NotReady', ' ‼', 0, 'left')).toBe('');
  });
});

describe('fitCell on names: cut where they stay telling', () => {
  it.each([
    ['payments-api-glfw2fmrgl-qb7sk', 24, 'payments-api-glfw…-qb7sk'],
    ['payments-api-glfw2fmrgl-qb7sk', 12, 'payments…7sk'],
    ['hello-kube-002', 10, 'hello…-002'],
    ['ip-10-0-12-35.eu-west-1.compute.internal', 16, 'ip-10-0-12-35.e…'],
    ['ip-10-0-12-35.eu-west-1.compute.internal', 10, 'ip-10-…-35'],
    ['prometheus-k8s-0', 10, 'prometh…-0'],
  ])('%s in %i columns: %s', (name, columns, expected) => {
    expect(fitCell(name, '', columns, 'left', '…', 'middle')).toBe(expected);
  });
});
