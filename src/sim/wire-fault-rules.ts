import { bodyText, failing, kindOf } from './fault-body.js';
import type { FaultRule, Faults } from './fault-switches.js';
import type { SimResponse } from './sim-response.js';
import { type StatusDetails, statusObject } from './status-body.js';

// Faults of the connection and the bytes on it, for requests of chosen kinds ("pods", "watch
// nodes", "metrics pods", "kubelet summary"…, as the request log names them).

/** A body that fails before its first byte: the server destroys the socket before writing the head. */
const reset = (): SimResponse => ({ status: 200, contentType: 'application/json', body: failing('') });

/** The connection is reset before any answer: the server destroys the socket. */
export const resetRequests: FaultRule = async (faults, request, next) => {
  if (!faults.resetRequests.includes(kindOf(request))) return next();
  return reset();
};

/**
 * One request in n of the chosen kinds is reset, counted: with n = 3 the 3rd, 6th, 9th… are, the
 * others answered. The count is this sim's own and starts again each time the switch is set.
 */
export function resetEveryNth(): FaultRule {
  let counting: Faults['resetEveryNth'] = null;
  let seen = 0;
  return async (faults, request, next) => {
    const every = faults.resetEveryNth;
    if (!every || (every.kinds !== 'all' && !every.kinds.includes(kindOf(request)))) return next();
    if (every !== counting) {
      counting = every;
      seen = 0;
    }
    seen++;
    return seen % every.n === 0 ? reset() : next();
  };
}

async function firstHalf(response: SimResponse): Promise<string> {
  if (!response.streaming) {
    const whole = await bodyText(response.body);
    return whole.slice(0, Math.floor(whole.length / 2));
  }
  // A watch never ends by itself: cut it halfway through its first chunk.
  const body = typeof response.body === 'string' ? [response.body] : response.body;
  for await (const chunk of body) return chunk.slice(0, Math.max(1, Math.floor(chunk.length / 2)));
  return '';
}

/** Headers and half the body arrive, then the connection is cut. */
export const truncateResponses: FaultRule = async (faults, request, next) => {
  if (!faults.truncateResponses.includes(kindOf(request))) return next();
  const response = await next();
  if (response.status !== 200) return response;
  return { ...response, streaming: true, body: failing(await firstHalf(response)) };
};

const withNul = (text: string) => `${text.slice(0, Math.floor(text.length / 2))}\u0000${text.slice(Math.floor(text.length / 2))}`;

async function* garbledFirstChunk(body: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of body) {
    yield first ? withNul(chunk) : chunk;
    first = false;
  }
}

/** The whole body arrives, with a NUL byte in the middle: JSON allows it nowhere, not even in a string. */
export const garbleResponses: FaultRule = async (faults, request, next) => {
  if (!faults.garbleResponses.includes(kindOf(request))) return next();
  const response = await next();
  if (response.status !== 200) return response;
  if (typeof response.body === 'string' || !response.streaming) return { ...response, body: withNul(await bodyText(response.body)) };
  return { ...response, body: garbledFirstChunk(response.body) };
};

const REFUSALS: Readonly<Record<number, { reason: string; message: string }>> = {
  429: { reason: 'TooManyRequests', message: 'Too many requests, please try again later.' },
  500: { reason: 'InternalError', message: 'Internal error occurred: etcdserver: request timed out' },
  503: { reason: 'ServiceUnavailable', message: 'the server is currently unable to handle the request' },
};

/** The apiserver refuses with 429 or a 5xx, asking the client to come back after Retry-After. */
export const serverErrors: FaultRule = async (faults, request, next) => {
  const refusal = faults.serverErrors;
  if (!refusal?.kinds.includes(kindOf(request))) return next();
  const { reason, message } = REFUSALS[refusal.status] ?? { reason: 'InternalError', message: `HTTP ${refusal.status}` };
  const retry = refusal.retryAfterSeconds;
  const details: StatusDetails = retry === null ? {} : { retryAfterSeconds: retry };
  return {
    status: refusal.status,
    contentType: 'application/json',
    headers: retry === null ? {} : { 'Retry-After': String(retry) },
    body: `${JSON.stringify(statusObject(refusal.status, reason, message, details))}\n`,
  };
};
