import type { IncomingHttpHeaders } from 'node:http';
import { errorBodyMessage, missingPermission } from './error-body.js';
import { KubeError } from './kube-error.js';

function retryAfterMs(headers: IncomingHttpHeaders): number | null {
  const value = headers['retry-after'];
  if (typeof value !== 'string') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** A KubeError for a non-2xx answer, its message taken from the Status body. */
export function responseError(status: number, headers: IncomingHttpHeaders, body: Buffer): KubeError {
  const message = errorBodyMessage(body);
  const retry = retryAfterMs(headers);
  if (status === 401) return new KubeError('unauthorized', 'unauthorized: the credentials were rejected', { status });
  if (status === 403) {
    const permission = missingPermission(message);
    return new KubeError('forbidden', permission ? `forbidden: needs ${permission}` : `forbidden: ${message}`, { status });
  }
  if (status === 404) return new KubeError('not-found', `not found: ${message || 'no such resource'}`, { status });
  if (status === 429) return new KubeError('throttled', `throttled (429): ${message}`, { status, retryAfterMs: retry, retryable: true });
  const retryable = status >= 500;
  if (status === 503)
    return new KubeError('unavailable', `unavailable (503): ${message || 'service unavailable'}`, {
      status,
      retryAfterMs: retry,
      retryable,
    });
  return new KubeError('server-error', `HTTP ${status}: ${message}`, { status, retryAfterMs: retry, retryable });
}

const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_|ERR_SSL_)/;

/** A KubeError for a request that got no complete answer; `answered` once the response head came. */
export function networkError(error: NodeJS.ErrnoException, server: string, answered = true): KubeError {
  const code = error.code ?? '';
  // A reset or an early end is what a restarting apiserver or a proxy recycling connections does: a GET
  // may be asked again. Whether any of the answer was already used is the caller's to judge.
  const reset = code === 'ECONNRESET' || code === 'EPIPE';
  if (reset && !answered) return new KubeError('unreachable', `connection to ${server} reset before any answer`, { retryable: true });
  if (code === 'ECONNREFUSED') return new KubeError('unreachable', `cannot reach ${server}: connection refused`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new KubeError('unreachable', `cannot reach ${server}: host not found`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new KubeError('unreachable', `cannot reach ${server}: no route to host`);
  if (code === 'ETIMEDOUT') return new KubeError('timeout', `cannot reach ${server}: connect timed out`);
  if (TLS_CODE.test(code)) return new KubeError('unreachable', `TLS failure talking to ${server}: ${code}`);
  if (reset || error.message === 'aborted' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new KubeError('unreachable', `connection to ${server} dropped mid-response`, { retryable: true });
  }
  if (code.startsWith('Z_')) return new KubeError('unreachable', `connection to ${server} dropped mid-response`);
  return new KubeError('unreachable', `request to ${server} failed: ${code || error.message}`);
}
