import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/collect/backoff.js';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoffDelay', () => {
  it.each<[number, number | null, number]>([
    // doubling from the base…
    [0, null, 1000],
    [1, null, 2000],
    [2, null, 4000],
    [5, null, 32_000],
    // …capped at the maximum
    [6, null, 60_000],
    [30, null, 60_000],
    [-1, null, 1000],
    // Retry-After is honoured when longer, never shortens the backoff
    [0, 30_000, 30_000],
    [2, 500, 4000],
    [6, 90_000, 90_000],
    [0, 0, 1000],
    // an absurd Retry-After is capped at five times the maximum
    [0, 86_400_000, 300_000],
  ])('%d failures, Retry-After %s → %d ms', (failures, retryAfter, delay) => {
    expect(backoffDelay(failures, policy, retryAfter)).toBe(delay);
  });
});
