import { describe, expect, it } from 'vitest';
import { type PromSample, PromTextReader, parseSampleLine } from '../../src/kube/prom-text-reader.js';

function readAll(text: string, families: readonly string[], chunkSize = text.length): PromSample[] {
  const samples: PromSample[] = [];
  const reader = new PromTextReader(families, (s) => samples.push(s));
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) reader.push(bytes.subarray(i, i + chunkSize));
  reader.end();
  return samples;
}

const TEXT = [
  '# HELP wanted_total Something counted.',
  '# TYPE wanted_total counter',
  'wanted_total{a="1",b="x y"} 12 1782468875486',
  'wanted_total_other{a="2"} 99',
  'wanted_totally 5',
  'wanted_total{a="é",b="q\\"uote\\\\back\\nline",} 1.616273408e+09',
  'other_gauge{a="3"} 7',
  'wanted_total 3',
].join('\n');

describe('PromTextReader', () => {
  it('keeps the families asked for, and no family that merely starts alike', () => {
    const samples = readAll(`${TEXT}\n`, ['wanted_total']);
    expect(samples.map((s) => s.value)).toEqual([12, 1.616273408e9, 3]);
    expect(samples[0]).toEqual({ name: 'wanted_total', labels: { a: '1', b: 'x y' }, value: 12, timestampMs: 1782468875486 });
    expect(samples[2]?.labels).toEqual({});
  });

  it('unescapes label values and allows a trailing comma', () => {
    expect(readAll(TEXT, ['wanted_total'])[1]?.labels).toEqual({ a: 'é', b: 'q"uote\\back\nline' });
  });

  it('reads the same whatever the chunks, a character split between two included', () => {
    const whole = readAll(TEXT, ['wanted_total', 'other_gauge']);
    for (const size of [1, 2, 3, 7, 50]) expect(readAll(TEXT, ['wanted_total', 'other_gauge'], size)).toEqual(whole);
  });

  it('a last line without its newline still counts', () => {
    expect(readAll('wanted_total 3', ['wanted_total'])).toHaveLength(1);
  });

  it.each<[string, number | null]>([
    ['x NaN', Number.NaN],
    ['x +Inf', Number.POSITIVE_INFINITY],
    ['x -Inf 5', Number.NEGATIVE_INFINITY],
    ['x{a="1"} 0.5', 0.5],
    ['x{a="1 12', null],
    ['x{a=1} 12', null],
    ['x twelve', null],
    ['x', null],
  ])('%j', (line, value) => {
    const sample = parseSampleLine(line, 'x');
    if (value === null) expect(sample).toBeNull();
    else expect(sample?.value).toBe(value);
  });
});
