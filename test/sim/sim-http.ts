import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { gunzipSync } from 'node:zlib';
import type { Sim } from '../../src/sim/start-sim.js';

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Bytes as sent (still compressed when Content-Encoding is gzip). */
  readonly wire: Buffer;
  /** The decoded body. */
  readonly body: string;
}

export interface GetOptions {
  /** null sends no Authorization header. */
  readonly token?: string | null;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One request to the sim over HTTPS, trusting only its CA, as a client with the kubeconfig would. */
export function get(sim: Sim, path: string, options: GetOptions = {}): Promise<Reply> {
  const token = options.token === undefined ? sim.token : options.token;
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}${path}`,
      {
        method: options.method ?? 'GET',
        ca: sim.caPem,
        headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          const decoded = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wire, body: decoded.toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface Probe {
  /** null when no response head came. */
  readonly status: number | null;
  readonly headers: IncomingHttpHeaders;
  /** The bytes that came, decoded as UTF-8 (never gunzipped: probes ask for no compression). */
  readonly body: string;
  /** ended: the body was complete; idle: nothing came for idleMs; else the error code (ECONNRESET…). */
  readonly outcome: 'ended' | 'idle' | string;
  /** Milliseconds from sending to each arrival of body bytes. */
  readonly arrivals: readonly number[];
}

/**
 * One request that reports what happened on the wire instead of failing: for answers that hang,
 * stall, trickle or never end. Gives up once the connection has been quiet for idleMs.
 */
export function probe(sim: Sim, path: string, idleMs: number): Promise<Probe> {
  const sent = Date.now();
  return new Promise((resolve) => {
    let status: number | null = null;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    const arrivals: number[] = [];
    let done = false;
    const finish = (outcome: string) => {
      if (done) return;
      done = true;
      resolve({ status, headers, body: Buffer.concat(chunks).toString('utf8'), outcome, arrivals });
    };
    const req = request(`${sim.url}${path}`, { ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}` } }, (res) => {
      status = res.statusCode ?? 0;
      headers = res.headers;
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        arrivals.push(Date.now() - sent);
      });
      res.on('end', () => finish('ended'));
      res.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
    });
    req.setTimeout(idleMs, () => {
      finish('idle');
      req.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
    req.end();
  });
}

export async function getJson<T = Record<string, unknown>>(sim: Sim, path: string): Promise<T> {
  const reply = await get(sim, path);
  if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.body}`);
  return JSON.parse(reply.body) as T;
}

export interface WatchEvent {
  readonly type: string;
  readonly object: {
    readonly kind?: string;
    readonly metadata: { readonly name?: string; readonly resourceVersion?: string };
    readonly [k: string]: unknown;
  };
}

export interface Watch {
  readonly events: WatchEvent[];
  /** Resolves once an event satisfies the predicate (events seen so far count). */
  until(predicate: (e: WatchEvent) => boolean, timeoutMs?: number): Promise<WatchEvent>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens a watch and collects its newline-delimited events as they arrive. */
export function openWatch(sim: Sim, path: string): Watch {
  const events: WatchEvent[] = [];
  const waiters = new Set<() => void>();
  let endedResolve: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    endedResolve = resolve;
  });
  let buffer = '';
  const req = request(`${sim.url}${path}`, { ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}` } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        events.push(JSON.parse(buffer.slice(0, nl)) as WatchEvent);
        buffer = buffer.slice(nl + 1);
      }
      for (const wake of [...waiters]) wake();
    });
    res.on('end', endedResolve);
    res.on('close', endedResolve);
  });
  req.on('error', endedResolve);
  req.end();
  return {
    events,
    ended,
    close: () => req.destroy(),
    until: (predicate, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(predicate);
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching watch event within ${timeoutMs} ms; saw ${events.map((e) => e.type).join(',')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
  };
}

/** A clock the test moves by hand; the sim reads simulated time from it. */
export function manualClock(start = Date.parse('2026-06-26T10:14:07.250Z')): {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
} {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}
