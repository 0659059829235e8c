import { jsonResponse, type SimResponse } from './sim-response.js';

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  /** On 429 and some 5xx, as the apiserver sets it beside the Retry-After header. */
  readonly retryAfterSeconds?: number;
}

/** A metav1.Status, the body of every apiserver error. */
export function statusObject(code: number, reason: string, message: string, details?: StatusDetails) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

export function statusResponse(code: number, reason: string, message: string, details?: StatusDetails): SimResponse {
  return jsonResponse(code, statusObject(code, reason, message, details));
}

export const unauthorized = (): SimResponse => statusResponse(401, 'Unauthorized', 'Unauthorized');

export const routeNotFound = (): SimResponse => statusResponse(404, 'NotFound', 'the server could not find the requested resource', {});

/** `pods "x" not found`, `nodemetrics.metrics.k8s.io "x" not found`. */
export function objectNotFound(resource: string, name: string, group?: string): SimResponse {
  const qualified = group ? `${resource}.${group}` : resource;
  return statusResponse(404, 'NotFound', `${qualified} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource });
}

export const methodNotAllowed = (): SimResponse =>
  statusResponse(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const badRequest = (message: string): SimResponse => statusResponse(400, 'BadRequest', message);

export const serviceUnavailable = (message: string): SimResponse => statusResponse(503, 'ServiceUnavailable', message);
