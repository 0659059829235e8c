import { safeText } from '../model/safe-text.js';

const MAX_MESSAGE = 160;

/**
 * The human message of an error response: a metav1.Status message (or an API's `error`) when the body is one, otherwise
 * the first line of the text (the aggregator answers 503 with plain "service unavailable").
 */
export function errorBodyMessage(body: Buffer): string {
  const text = body.subarray(0, 8192).toString('utf8');
  let message = text;
  try {
    const parsed: unknown = JSON.parse(text);
    // A metav1.Status says it in `message`; Prometheus's API (through the service proxy) in `error`.
    const said = parsed && typeof parsed === 'object' ? (parsed as { message?: unknown; error?: unknown }) : {};
    if (typeof said.message === 'string') message = said.message;
    else if (typeof said.error === 'string') message = said.error;
  } catch {
    // Not JSON: plain text is the message.
  }
  const line = safeText(message.trim().split('\n')[0] ?? '');
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

/** "cannot get resource "nodes/proxy" in API group """ → "get nodes/proxy". */
export function missingPermission(message: string): string | null {
  const m = /cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?/.exec(message);
  if (!m) return null;
  const group = m[3] ? `.${m[3]}` : '';
  return `${m[1]} ${m[2]}${group}`;
}
