import type { IncomingMessage } from 'node:http';
import { Agent, type AgentOptions, get } from 'node:https';
import type { AuthMaterial, Credentials } from './credentials/credentials.js';
import { networkError, responseError } from './http-errors.js';
import { KubeError } from './kube-error.js';
import { lazyImport } from './lazy-import.js';
import type { RequestLimiter } from './request-limiter.js';
import type { RequestLog } from './request-log.js';
import { retryDelay } from './retry-policy.js';

export interface GetOptions {
  /**
   * How long the answer may take to begin, and how long it may then go silent: a 100 MB list still
   * arriving is never cut off, a server that stops sending is.
   */
  readonly timeoutMs: number;
  /** Silence allowed once the body flows, if not timeoutMs (a watch is quiet while nothing changes). */
  readonly idleTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Abort once the decoded body passes this size: a runaway answer must not eat the heap. */
  readonly maxBytes?: number;
  readonly accept?: string;
  /**
   * Called when a 2xx answer starts, with its content type and the encoding of the chunks to come:
   * a watch is up only from then, not from when it was asked for. Throwing ends the request with
   * that error.
   */
  readonly onOpen?: (contentType: string, encoding?: string) => void;
  /**
   * Hand a 2xx body over as sent, still compressed (onOpen says how), for a reader that inflates it
   * elsewhere; maxBytes then counts the bytes as sent.
   */
  readonly raw?: boolean;
  /** Whether a reset, early EOF, 429 or 5xx is asked again within timeoutMs (default true). */
  readonly retry?: boolean;
}

const USER_AGENT = 'kmon';
const ERROR_BODY_LIMIT = 64 * 1024;

// Kubelet reads through the node proxy have a budget of their own (the kubelet sweeper's).
const KUBELET_PATH = /^\/api\/v1\/nodes\/[^/]+\/proxy\//;

const REFRESH_GAP_MS = 1000;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}s`;

/**
 * GET-only HTTPS to the apiserver. kmon never writes to a cluster, so no other method exists here.
 * Bodies are handed over chunk by chunk so large lists can be parsed while they arrive. Requests
 * other than kubelet reads pass the limiter first; failed GETs are asked again as client-go does.
 */
export class Transport {
  private agent: { agent: Agent; cert?: Buffer } | null = null;
  // Counts credential refreshes, so a burst of requests rejected with the same expired token
  // reloads the credentials once between them, not once each.
  private generation = 0;
  private refreshing: Promise<void> | null = null;
  private refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly server: string,
    private readonly tls: AgentOptions,
    private readonly credentials: Credentials,
    private readonly log?: RequestLog,
    private readonly limiter?: RequestLimiter,
  ) {}

  /** The whole 2xx body. */
  async get(path: string, options: GetOptions): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await this.stream(path, options, (chunk) => chunks.push(chunk));
    return Buffer.concat(chunks);
  }

  /**
   * Streams a 2xx body to onChunk. A 401 refreshes credentials and asks once more; a failure that
   * a retry can mend, before any of the body was handed over, is asked again with backoff.
   */
  async stream(path: string, options: GetOptions, onChunk: (chunk: Buffer) => void): Promise<void> {
    const started = Date.now();
    let delivered = false;
    const deliver = (chunk: Buffer) => {
      delivered = true;
      onChunk(chunk);
    };
    for (let attempt = 0; ; attempt++) {
      try {
        await this.authenticated(path, options, deliver);
        return;
      } catch (e) {
        const delay = options.retry === false || delivered ? null : retryDelay(e, attempt, started + options.timeoutMs - Date.now());
        if (delay === null) throw e;
        await pause(delay, options.signal);
      }
    }
  }

  close(): void {
    this.agent?.agent.destroy();
    this.agent = null;
  }

  private async authenticated(path: string, options: GetOptions, onChunk: (chunk: Buffer) => void): Promise<void> {
    const generation = this.generation;
    try {
      await this.once(path, options, onChunk);
    } catch (e) {
      if (!(e instanceof KubeError) || e.status !== 401 || !(await this.refreshSince(generation))) throw e;
      await this.once(path, options, onChunk);
    }
  }

  /**
   * Whether there are credentials newer than those of `generation` to ask with: refreshed since, or
   * refreshed now (waiting for one in progress). A credential the cluster keeps rejecting is asked
   * for again at most once a second, however many requests it fails (an exec plugin may be slow or
   * prompt a login), and a request it failed meanwhile is not sent again with it.
   */
  private async refreshSince(generation: number): Promise<boolean> {
    if (generation !== this.generation) {
      await this.refreshing;
      return true;
    }
    if (Date.now() - this.refreshedAt < REFRESH_GAP_MS) return false;
    this.generation++;
    this.refreshedAt = Date.now();
    this.refreshing = this.credentials.refresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
    return true;
  }

  private agentFor(material: AuthMaterial): Agent {
    if (this.agent && this.agent.cert === material.cert) return this.agent.agent;
    this.agent?.agent.destroy();
    const agent = new Agent({ ...this.tls, keepAlive: true, maxSockets: 64, cert: material.cert, key: material.key });
    this.agent = { agent, cert: material.cert };
    return agent;
  }

  private async once(path: string, options: GetOptions, onChunk: (chunk: Buffer) => void): Promise<void> {
    if (this.limiter && !KUBELET_PATH.test(path)) await this.limiter.acquire(options.signal);
    const material = await this.credentials.current();
    // hrtime, not performance.now(): the global loads perf_hooks, a millisecond of kmon status's start.
    const started = process.hrtime.bigint();
    let bytes = 0;
    let status: number | null = null;
    const record = (error: unknown) =>
      this.log?.({
        method: 'GET',
        path,
        status,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        bytes,
        error: error ? (error as Error).message : null,
      });
    try {
      await new Promise<void>((resolve, reject) => {
        const request = get(`${this.server}${path}`, {
          agent: this.agentFor(material),
          headers: {
            Accept: options.accept ?? 'application/json',
            'Accept-Encoding': 'gzip',
            'User-Agent': USER_AGENT,
            ...material.headers,
          },
          signal: options.signal,
        });
        let silence = options.timeoutMs;
        const expire = () => {
          const message =
            status === null
              ? `no answer from ${this.server} within ${seconds(silence)}`
              : `answer from ${this.server} stalled for ${seconds(silence)}`;
          request.destroy(new KubeError('timeout', message));
        };
        let timer = setTimeout(expire, silence);
        const fail = (e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof KubeError ? e : networkError(e as NodeJS.ErrnoException, this.server, status !== null));
        };
        request.on('error', fail);
        request.on('response', async (response) => {
          status = response.statusCode ?? 0;
          timer.refresh();
          response.on('aborted', () =>
            fail(new KubeError('unreachable', `connection to ${this.server} dropped mid-response`, { retryable: true })),
          );
          response.on('error', fail);
          const ok = status >= 200 && status < 300;
          const raw = ok && options.raw === true;
          // The body waits, paused, until it is read below.
          const body = await (raw ? Promise.resolve(response) : decoded(response)).catch((e: unknown) => {
            fail(e);
            return null;
          });
          if (!body) return;
          body.on('error', fail);
          if (!ok) {
            collectError(body, (buffer) => fail(responseError(status ?? 0, response.headers, buffer)));
            return;
          }
          try {
            const encoding = raw ? String(response.headers['content-encoding'] ?? 'identity') : 'identity';
            options.onOpen?.(String(response.headers['content-type'] ?? ''), encoding);
          } catch (e) {
            fail(e);
            request.destroy();
            return;
          }
          if (options.idleTimeoutMs !== undefined) {
            clearTimeout(timer);
            silence = options.idleTimeoutMs;
            timer = setTimeout(expire, silence);
          }
          body.on('data', (chunk: Buffer) => {
            timer.refresh();
            bytes += chunk.length;
            if (options.maxBytes !== undefined && bytes > options.maxBytes) {
              request.destroy(new KubeError('malformed', `answer larger than ${Math.round(options.maxBytes / 1048576)} MiB`));
              return;
            }
            // A parser rejecting the bytes must end this request, not escape the event as an
            // uncaught exception that takes the whole process down.
            try {
              onChunk(chunk);
            } catch (e) {
              clearTimeout(timer);
              reject(e);
              request.destroy();
            }
          });
          body.on('end', () => {
            clearTimeout(timer);
            if (!response.complete)
              fail(new KubeError('unreachable', `connection to ${this.server} dropped mid-response`, { retryable: true }));
            else resolve();
          });
        });
      });
      record(null);
    } catch (e) {
      record(e);
      throw e;
    }
  }
}

/** Waits `ms`, or rejects at once when `signal` aborts (kmon is stopping). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

// zlib is loaded for the first compressed answer only: the apiserver compresses past 128 KiB, so
// kmon status on a small cluster never needs it.
async function decoded(response: IncomingMessage): Promise<NodeJS.ReadableStream> {
  if (response.headers['content-encoding'] !== 'gzip') return response;
  const { createGunzip } = await lazyImport<typeof import('node:zlib')>('node:zlib');
  // Large output chunks: a 500 MB list inflates in 2,000 callbacks instead of 35,000.
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  response.pipe(gunzip);
  return gunzip;
}

function collectError(body: NodeJS.ReadableStream, done: (buffer: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    if (size < ERROR_BODY_LIMIT) chunks.push(chunk);
    size += chunk.length;
  });
  body.on('end', () => done(Buffer.concat(chunks)));
}
