import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestLog } from './request-log.js';
import type { Handler, SimRequest, SimResponse } from './sim-response.js';
import { badRequest, methodNotAllowed, statusResponse, unauthorized } from './status-body.js';
import type { TlsMaterial } from './tls-material.js';
import { acceptsGzip, writeResponse } from './write-response.js';

export interface ServerOptions {
  readonly tls: TlsMaterial;
  /** The bearer token accepted now (it can be rotated). */
  readonly token: () => string;
  /** True while every request is to be refused 401, whatever its token. */
  readonly rejectAll: () => boolean;
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
  if (options.rejectAll() || !authorized(req.headers.authorization, options.token())) return unauthorized();
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

function bind(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (e: Error) => reject(e);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/**
 * Stops listening and cuts every connection, as a killed apiserver process does. Every socket,
 * not only those the HTTP layer tracks: one still in its TLS handshake would otherwise become a
 * connection after the cut, and a watch on it would keep the server from ever closing.
 */
function unbind(server: Server, sockets: ReadonlySet<Socket>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const socket of sockets) socket.destroy();
  return closed;
}

/** Binds the port again, waiting while something else holds it, until it is free or the sim stops. */
async function rebind(server: Server, port: number, stopping: AbortSignal): Promise<void> {
  while (!stopping.aborted) {
    try {
      return await bind(server, port);
    } catch {
      await sleep(100, undefined, { signal: stopping }).catch(() => {});
    }
  }
}

export interface Listener {
  readonly server: Server;
  readonly port: number;
  /**
   * Closes the listener (clients then get ECONNREFUSED) or listens again on the same port; each
   * call waits for the ones before it. Once the sim stops, it stays closed.
   */
  setOpen(open: boolean): Promise<void>;
}

/** The HTTPS listener on 127.0.0.1; every request is logged, authenticated, then handled. */
export async function listen(options: ServerOptions): Promise<Listener> {
  const server = createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, (req, res) => {
    void serve(req, res, options);
  });
  // Watches stay open for up to an hour, as the apiserver's do.
  server.requestTimeout = 0;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    if (options.refuse()) return socket.destroy();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await bind(server, options.port);
  const port = (server.address() as AddressInfo).port;
  let open = true;
  let settled = Promise.resolve();
  const setOpen = (wanted: boolean) => {
    settled = settled.then(async () => {
      const target = wanted && !options.stopping.aborted;
      if (target === open) return;
      open = target;
      await (target ? rebind(server, port, options.stopping) : unbind(server, sockets));
    });
    return settled;
  };
  return { server, port, setOpen };
}
