import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkError, responseError } from '../../src/kube/http-errors.js';
import { KubeError } from '../../src/kube/kube-error.js';
import type { ProblemKind } from '../../src/model/problems.js';
import { STATUS_401, STATUS_403, STATUS_404, STATUS_503 } from '../helpers/status-bodies.js';

describe('responseError', () => {
  it.each<[number, string, ProblemKind, string]>([
    [401, STATUS_401, 'unauthorized', 'unauthorized: the credentials were rejected'],
    [403, STATUS_403, 'forbidden', 'forbidden: needs get nodes/proxy'],
    [403, '{"message":"access denied by policy"}', 'forbidden', 'forbidden: access denied by policy'],
    [404, STATUS_404, 'not-found', 'not found: the server could not find the requested resource'],
    [404, '', 'not-found', 'not found: no such resource'],
    [
      503,
      STATUS_503,
      'unavailable',
      'unavailable (503): error trying to reach service: dial tcp 10.1.24.156:2468: connect: connection refused',
    ],
    [503, 'service unavailable\n', 'unavailable', 'unavailable (503): service unavailable'],
    [503, '', 'unavailable', 'unavailable (503): service unavailable'],
    [
      429,
      '{"message":"too many requests, please try again later"}',
      'throttled',
      'throttled (429): too many requests, please try again later',
    ],
    [500, 'Internal Error: boom\n', 'server-error', 'HTTP 500: Internal Error: boom'],
  ])('%d %j → %s', (status, body, kind, message) => {
    const error = responseError(status, {}, Buffer.from(body));
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ kind, message, status });
  });

  it.each([
    [401, false],
    [403, false],
    [404, false],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
  ])('%d may be asked again: %s', (status, retryable) => {
    expect(responseError(status, {}, Buffer.from('')).retryable).toBe(retryable);
  });

  describe('Retry-After', () => {
    afterEach(() => vi.useRealTimers());

    it.each<[IncomingHttpHeaders, number | null]>([
      [{ 'retry-after': '5' }, 5000],
      [{ 'retry-after': '0' }, 0],
      [{ 'retry-after': '1.5' }, 1500],
      [{ 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT' }, 30_000],
      [{ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }, 0],
      [{ 'retry-after': 'soon' }, null],
      [{}, null],
    ])('%j → %s ms', (headers, ms) => {
      vi.useFakeTimers({ now: Date.parse('Wed, 21 Oct 2015 07:28:00 GMT') });
      expect(responseError(503, headers, Buffer.from('service unavailable\n')).retryAfterMs).toBe(ms);
      expect(responseError(429, headers, Buffer.from('')).retryAfterMs).toBe(ms);
    });
  });
});

describe('networkError', () => {
  const err = (code: string | undefined, message = 'x') => Object.assign(new Error(message), { code }) as NodeJS.ErrnoException;
  const server = 'https://10.0.0.1:6443';

  it.each<[string | undefined, string, ProblemKind, string]>([
    ['ECONNREFUSED', 'x', 'unreachable', `cannot reach ${server}: connection refused`],
    ['ENOTFOUND', 'x', 'unreachable', `cannot reach ${server}: host not found`],
    ['EAI_AGAIN', 'x', 'unreachable', `cannot reach ${server}: host not found`],
    ['EHOSTUNREACH', 'x', 'unreachable', `cannot reach ${server}: no route to host`],
    ['ENETUNREACH', 'x', 'unreachable', `cannot reach ${server}: no route to host`],
    ['ETIMEDOUT', 'x', 'timeout', `cannot reach ${server}: connect timed out`],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'x', 'unreachable', `TLS failure talking to ${server}: DEPTH_ZERO_SELF_SIGNED_CERT`],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'x', 'unreachable', `TLS failure talking to ${server}: UNABLE_TO_VERIFY_LEAF_SIGNATURE`],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'x', 'unreachable', `TLS failure talking to ${server}: ERR_TLS_CERT_ALTNAME_INVALID`],
    ['ECONNRESET', 'x', 'unreachable', `connection to ${server} dropped mid-response`],
    ['Z_DATA_ERROR', 'incorrect header check', 'unreachable', `connection to ${server} dropped mid-response`],
    [undefined, 'aborted', 'unreachable', `connection to ${server} dropped mid-response`],
    ['EPIPE', 'x', 'unreachable', `connection to ${server} dropped mid-response`],
    [undefined, 'socket hang up', 'unreachable', `request to ${server} failed: socket hang up`],
  ])('%s (%s) → %s', (code, message, kind, text) => {
    expect(networkError(err(code, message), server)).toMatchObject({ kind, message: text, status: null });
  });

  // client-go asks a GET again after a reset or an early EOF; never after a refusal or a TLS failure.
  it.each<[string | undefined, string, boolean, boolean]>([
    ['ECONNRESET', 'x', false, true],
    ['EPIPE', 'x', false, true],
    ['ECONNRESET', 'x', true, true],
    [undefined, 'aborted', true, true],
    ['ECONNREFUSED', 'x', false, false],
    ['ENOTFOUND', 'x', false, false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'x', false, false],
    ['Z_DATA_ERROR', 'incorrect header check', true, false],
  ])('%s (%s, answered: %s) may be retried: %s', (code, message, answered, retryable) => {
    expect(networkError(err(code, message), server, answered).retryable).toBe(retryable);
  });
});
