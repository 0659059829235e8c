import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestLog } from './request-log.js';
import type { Handler, SimRequest, SimResponse } from './sim-response.js';
import { badRequest, methodNotAllowed, statusResponse, unauthorized } from './status-body.js';
import type { TlsMaterial } from './tls-material.js';
import { acceptsGzip, writeResponse } from './write-response.js';

export interface ServerOptions {
  readonly tls: TlsMaterial;
  /** The bearer token accepted now (it can be rotated). */
  readonly token: () => string;
  /** True while the apiserver is down: every new connection is reset as it opens. */
  readonly refuse: () => boolean;
  readonly port: number;
  readonly log: RequestLog;
  readonly clock: () => number;
  readonly handler: Handler;
  /** Aborted when the sim stops: ends watches and delayed answers at once. */
  readonly stopping: AbortSignal;
}

function authorized(header: string | undefined, token: string): boolean {
  const [scheme, value] = (header ?? '').split(' ', 2);
  return scheme?.toLowerCase() === 'bearer' && value === token;
}

function toRequest(req: IncomingMessage, signal: AbortSignal): SimRequest | null {
  const url = new URL(req.url ?? '/', 'https://sim.invalid');
  let path: string;
  try {
    // Like Go's URL.Path, the path is decoded before routing, so "stats%2Fsummary" is two segments.
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return {
    method: req.method ?? 'GET',
    path,
    segments: path.split('/').filter(Boolean),
    query: url.searchParams,
    headers: req.headers,
    signal,
  };
}

async function answer(req: IncomingMessage, signal: AbortSignal, options: ServerOptions): Promise<SimResponse> {
  // Authentication comes first, as in the apiserver's filter chain; then the method.
  if (!authorized(req.headers.authorization, options.token())) return unauthorized();
  if (req.method !== 'GET') return methodNotAllowed();
  const request = toRequest(req, signal);
  if (!request) return badRequest(`invalid path: ${req.url}`);
  try {
    return await options.handler(request);
  } catch (e) {
    const message = `Internal error occurred: ${(e as Error).message}`;
    return statusResponse(500, 'InternalError', message, {});
  }
}

async function serve(req: IncomingMessage, res: ServerResponse, options: ServerOptions): Promise<void> {
  const record = options.log.add(req.method ?? '', req.url ?? '', options.clock(), Date.now());
  const controller = new AbortController();
  const abort = () => controller.abort();
  res.on('close', abort);
  options.stopping.addEventListener('abort', abort, { once: true });
  try {
    const response = await answer(req, controller.signal, options);
    record.status = response.status;
    if (!res.destroyed) await writeResponse(res, response, acceptsGzip(req.headers['accept-encoding']));
  } catch {
    res.destroy();
  } finally {
    options.stopping.removeEventListener('abort', abort);
  }
}

/** The HTTPS listener on 127.0.0.1; every request is logged, authenticated, then handled. */
export async function listen(options: ServerOptions): Promise<{ server: Server; port: number }> {
  const server = createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, (req, res) => {
    void serve(req, res, options);
  });
  // Watches stay open for up to an hour, as the apiserver's do.
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => {
    if (options.refuse()) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
