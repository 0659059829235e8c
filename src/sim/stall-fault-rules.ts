import { bodyText, failing, kindOf } from './fault-body.js';
import type { FaultRule } from './fault-switches.js';
import type { SimResponse } from './sim-response.js';

// Faults of time: an answer that never starts, one that stops halfway and stays open, one that
// trickles. Each ends when the client leaves or the sim stops (the request's signal).

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** The request is read, then nothing: no head, no byte, until the other side gives up. */
export const hang: FaultRule = async (faults, request, next) => {
  if (!faults.hang.includes(kindOf(request))) return next();
  await aborted(request.signal);
  return { status: 200, contentType: 'application/json', body: failing('') };
};

async function* thenSilence(before: string, signal: AbortSignal): AsyncGenerator<string> {
  yield before;
  await aborted(signal);
  throw new Error('stalled answer abandoned');
}

/** The part of the answer sent before the stall, and the length its head promises (none for a watch). */
async function firstPart(response: SimResponse): Promise<{ text: string; length: number | null }> {
  if (response.streaming) {
    const body = typeof response.body === 'string' ? [response.body] : response.body;
    for await (const chunk of body) return { text: chunk.slice(0, Math.max(1, Math.floor(chunk.length / 2))), length: null };
    return { text: '', length: null };
  }
  const whole = await bodyText(response.body);
  return { text: whole.slice(0, Math.floor(whole.length / 2)), length: Buffer.byteLength(whole) };
}

/** The head (with the full Content-Length) and half the body arrive; then the connection goes quiet but stays open. */
export const stallMidBody: FaultRule = async (faults, request, next) => {
  if (!faults.stallMidBody.includes(kindOf(request))) return next();
  const response = await next();
  if (response.status !== 200) return response;
  const { text, length } = await firstPart(response);
  const headers = length === null ? response.headers : { ...response.headers, 'Content-Length': String(length) };
  return { ...response, headers, streaming: true, body: thenSilence(text, request.signal) };
};

/** The answer as it would be, sent through a narrow pipe (see write-response.ts). */
export const bandwidth: FaultRule = async (faults, request, next) => {
  const cap = faults.bandwidth;
  if (!cap?.kinds.includes(kindOf(request))) return next();
  return { ...(await next()), bytesPerSecond: cap.bytesPerSecond };
};
