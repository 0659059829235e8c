import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesPair, formatCores, formatCpu, formatCpuAmount } from '../../src/model/format-units.js';

const Ki = 1024;
const Mi = 1024 ** 2;
const Gi = 1024 ** 3;

describe('formatCpu', () => {
  it.each([
    [0, '0m'],
    [5, '5m'],
    [412, '412m'],
    [999, '999m'],
    [1000, '1'],
    [1900, '1.9'],
    [9940, '9.9'],
    // 9.95 cores would print "10.0" with one decimal; it rounds to a whole number instead
    [9950, '10'],
    [12_000, '12'],
    [12_400, '12'],
    [128_000, '128'],
  ])('%d millicores → %s', (milli, text) => {
    expect(formatCpu(milli)).toBe(text);
  });
});

describe('formatCpuAmount', () => {
  it.each([
    [250, '250m'],
    [1000, '1 core'],
    [1500, '1.5 cores'],
    [4000, '4 cores'],
  ])('%d millicores → %s', (milli, text) => {
    expect(formatCpuAmount(milli)).toBe(text);
  });
});

describe('formatCores', () => {
  it.each([
    [300, '0.3'],
    [1900, '1.9'],
    [4000, '4'],
    [48_000, '48'],
  ])('%d millicores → %s', (milli, text) => {
    expect(formatCores(milli)).toBe(text);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0'],
    [512, '512'],
    [1023, '1023'],
    [1024, '1Ki'],
    [12 * Ki, '12Ki'],
    [1.5 * Mi, '1.5Mi'],
    [498 * Mi, '498Mi'],
    [2.1 * Gi, '2.1Gi'],
    [8_024_304 * Ki, '7.7Gi'],
    [954_976_684 * Ki, '911Gi'],
    [3 * 1024 ** 4, '3Ti'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatBytesPair', () => {
  it.each([
    [2.1 * Gi, 7.5 * Gi, '2.1/7.5Gi'],
    [512 * Mi, 8 * Gi, '0.5/8Gi'],
    [100 * Mi, 200 * Mi, '100/200Mi'],
    // used above total (a pod over its request) still picks the larger side's unit
    [3 * Gi, 512 * Mi, '3/0.5Gi'],
  ])('%d of %d → %s', (used, total, text) => {
    expect(formatBytesPair(used, total)).toBe(text);
  });
});
