import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthMaterial, Credentials } from '../../src/kube/credentials/credentials.js';
import { KubeError } from '../../src/kube/kube-error.js';
import { RequestLimiter } from '../../src/kube/request-limiter.js';
import type { RequestRecord } from '../../src/kube/request-log.js';
import { Transport } from '../../src/kube/transport.js';
import { STATUS_403, STATUS_404 } from '../helpers/status-bodies.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const dir = mkdtempSync(path.join(tmpdir(), 'kmon-transport-'));
let cert: Buffer;
let key: Buffer;
let server: Server;
let origin: string;
let handler: Handler = (_req, res) => res.end('{}');
const seen: { method: string; url: string; headers: IncomingMessage['headers']; clientCN: string | string[] | null }[] = [];
const transports: Transport[] = [];

beforeAll(async () => {
  // A throwaway self-signed certificate for 127.0.0.1, valid for a day.
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=localhost'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-days',
      '1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ]),
    { stdio: 'ignore' },
  );
  cert = readFileSync(path.join(dir, 'cert.pem'));
  key = readFileSync(path.join(dir, 'key.pem'));
  // The server asks for a client certificate but accepts requests without one.
  server = createServer({ key, cert, ca: cert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, clientCN: peer?.subject?.CN ?? null });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const t of transports.splice(0)) t.close();
  server.closeAllConnections();
  seen.length = 0;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function credentials(material: () => AuthMaterial = () => ({ headers: { Authorization: 'Bearer t0' } })) {
  const creds = { current: vi.fn(async () => material()), refresh: vi.fn(async () => {}) } satisfies Credentials;
  return creds;
}

function transport(
  creds: Credentials = credentials(),
  log?: (r: RequestRecord) => void,
  to = origin,
  tls: object = { ca: cert },
): Transport {
  const t = new Transport(to, tls, creds, log);
  transports.push(t);
  return t;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as KubeError,
  );

const OPTS = { timeoutMs: 5000 };

describe('Transport', () => {
  it('sends a GET with the credentials, gzip allowed, JSON accepted', async () => {
    handler = (_req, res) => res.end('{"kind":"NodeList"}');
    const body = await transport().get('/api/v1/nodes?limit=500', OPTS);
    expect(body.toString()).toBe('{"kind":"NodeList"}');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/nodes?limit=500' });
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer t0',
      'accept-encoding': 'gzip',
      accept: 'application/json',
      'user-agent': 'kmon',
    });
  });

  it('offers no method but GET', () => {
    const methods = Object.getOwnPropertyNames(Transport.prototype).filter((m) => /^(post|put|patch|delete|head|request)$/i.test(m));
    expect(methods).toEqual([]);
  });

  it('gunzips a gzip body, streamed in chunks', async () => {
    const json = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ name: `pod-${i}`, note: 'ü🚀' })) });
    const zipped = gzipSync(json);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      // in three writes, as a proxy might deliver it
      res.write(zipped.subarray(0, 100));
      res.write(zipped.subarray(100, 5000));
      res.end(zipped.subarray(5000));
    };
    const chunks: Buffer[] = [];
    await transport().stream('/api/v1/pods', OPTS, (c) => chunks.push(c));
    expect(Buffer.concat(chunks).toString()).toBe(json);
  });

  it('hands a gzip body over as sent when asked for it raw, saying so when it opens; an error body is still read', async () => {
    const zipped = gzipSync(JSON.stringify({ items: [] }));
    handler = (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(zipped);
    };
    const chunks: Buffer[] = [];
    const opened: string[] = [];
    const onOpen = (_: string, encoding?: string) => opened.push(encoding ?? '');
    await transport().stream('/apis/metrics.k8s.io/v1beta1/pods', { ...OPTS, raw: true, onOpen }, (c) => chunks.push(c));
    expect(Buffer.concat(chunks)).toEqual(zipped);
    expect(opened).toEqual(['gzip']);
    handler = (_req, res) => {
      res.writeHead(404, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(gzipSync(STATUS_404));
    };
    const error = await transport()
      .stream('/apis/metrics.k8s.io/v1beta1/pods', { ...OPTS, raw: true }, () => {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not-found' });
  });

  it('sends the client certificate of certificate users', async () => {
    handler = (_req, res) => res.end('ok');
    await transport(credentials(() => ({ headers: {}, cert, key }))).get('/version', OPTS);
    expect(seen[0]?.clientCN).toBe('localhost');
  });

  it('after a 401, refreshes the credentials once and retries', async () => {
    let token = 'stale';
    const creds = credentials(() => ({ headers: { Authorization: `Bearer ${token}` } }));
    creds.refresh.mockImplementation(async () => {
      token = 'fresh';
    });
    handler = (req, res) => {
      if (req.headers.authorization === 'Bearer fresh') res.end('ok');
      else res.writeHead(401, { 'content-type': 'application/json' }).end('{"kind":"Status","message":"Unauthorized","code":401}\n');
    };
    expect((await transport(creds).get('/api/v1/nodes', OPTS)).toString()).toBe('ok');
    expect(creds.refresh).toHaveBeenCalledTimes(1);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('requests rejected together with the same stale credentials share one refresh', async () => {
    let token = 'stale';
    const creds = credentials(() => ({ headers: { Authorization: `Bearer ${token}` } }));
    creds.refresh.mockImplementation(async () => {
      token = 'fresh';
    });
    handler = (req, res) => {
      if (req.headers.authorization === 'Bearer fresh') res.end('ok');
      else res.writeHead(401).end('{"message":"Unauthorized"}');
    };
    const t = transport(creds);
    const answers = await Promise.all(['/a', '/b', '/c', '/d'].map((path) => t.get(path, OPTS)));
    expect(answers.map(String)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(creds.refresh).toHaveBeenCalledTimes(1);
  });

  it('a body its parser rejects fails that request, not the process', async () => {
    handler = (_req, res) => res.end('{"items":[{"a":1}]}');
    const error = await failure(
      transport().stream('/api/v1/pods', OPTS, () => {
        throw new SyntaxError('not what was expected');
      }),
    );
    expect(error).toBeInstanceOf(SyntaxError);
  });

  it('a second 401 is final: one refresh, two requests, an unauthorized error', async () => {
    const creds = credentials();
    handler = (_req, res) => res.writeHead(401).end('{"message":"Unauthorized"}');
    const error = await failure(transport(creds).get('/api/v1/nodes', OPTS));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(creds.refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
  });

  it('credentials the cluster keeps rejecting are asked for again at most once a second, and a request is not resent with them', async () => {
    const creds = credentials();
    handler = (_req, res) => res.writeHead(401).end('{"message":"Unauthorized"}');
    const t = transport(creds);
    for (const path of ['/a', '/b', '/c', '/d']) expect(await failure(t.get(path, OPTS))).toMatchObject({ status: 401 });
    expect(creds.refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(5);
  });

  it.each<[string, number, Record<string, string>, Buffer, Partial<KubeError>]>([
    ['403 Status', 403, {}, Buffer.from(STATUS_403), { kind: 'forbidden', status: 403, message: 'forbidden: needs get nodes/proxy' }],
    [
      '404 Status',
      404,
      { 'content-type': 'application/json' },
      Buffer.from(STATUS_404),
      { kind: 'not-found', message: 'not found: the server could not find the requested resource' },
    ],
    [
      "the aggregator's plain 503, Retry-After 7",
      503,
      { 'retry-after': '7', 'content-type': 'text/plain; charset=utf-8' },
      Buffer.from('service unavailable\n'),
      { kind: 'unavailable', retryAfterMs: 7000, message: 'unavailable (503): service unavailable' },
    ],
    [
      'a gzip-encoded 500',
      500,
      { 'content-encoding': 'gzip' },
      gzipSync('Internal Error: stats not ready\n'),
      { kind: 'server-error', status: 500, message: 'HTTP 500: Internal Error: stats not ready' },
    ],
  ])('non-2xx: %s', async (_, status, headers, body, expected) => {
    handler = (_req, res) => res.writeHead(status, headers).end(body);
    const onChunk = vi.fn();
    const error = await failure(transport().stream('/apis/metrics.k8s.io/v1beta1/nodes', OPTS, onChunk));
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject(expected);
    expect(onChunk).not.toHaveBeenCalled();
  });

  it('no answer within the timeout is a timeout', async () => {
    handler = () => {}; // never answers
    const error = await failure(transport().get('/api/v1/nodes/n1/proxy/stats/summary', { timeoutMs: 150 }));
    expect(error).toMatchObject({ kind: 'timeout', message: `no answer from ${origin} within 0.2s` });
  });

  it('a body that stalls after the headers also times out', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"items":[');
    };
    const error = await failure(transport().get('/api/v1/pods', { timeoutMs: 150 }));
    expect(error.kind).toBe('timeout');
  });

  it.each([
    ['with a content-length', { 'content-length': '4000' }],
    ['chunked', {}],
  ])('a body cut mid-way (%s) is unreachable: dropped mid-response', async (_, headers) => {
    handler = (req, res) => {
      res.writeHead(200, headers);
      res.write('x'.repeat(2000), () => setImmediate(() => req.socket.destroy()));
    };
    const error = await failure(transport().get('/api/v1/pods', OPTS));
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ kind: 'unreachable', message: `connection to ${origin} dropped mid-response` });
  });

  it('an answer past maxBytes is refused as malformed', async () => {
    const MiB = 1024 * 1024;
    handler = (_req, res) => res.end(Buffer.alloc(3 * MiB, 0x20));
    const onChunk = vi.fn();
    const error = await failure(transport().stream('/apis/metrics.k8s.io/v1beta1/pods', { timeoutMs: 5000, maxBytes: MiB }, onChunk));
    expect(error).toMatchObject({ kind: 'malformed', message: 'answer larger than 1 MiB' });
    const delivered = onChunk.mock.calls.reduce((sum, [c]) => sum + (c as Buffer).length, 0);
    expect(delivered).toBeLessThanOrEqual(MiB);
  });

  it('a refused connection is unreachable and names the server', async () => {
    const closed = createServer({ key, cert });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const to = `https://127.0.0.1:${port}`;
    const error = await failure(transport(credentials(), undefined, to).get('/version', OPTS));
    expect(error).toMatchObject({ kind: 'unreachable', message: `cannot reach ${to}: connection refused` });
  });

  it('a server certificate not signed by the cluster CA is a TLS failure', async () => {
    const error = await failure(transport(credentials(), undefined, origin, {}).get('/version', OPTS));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(new RegExp(`^TLS failure talking to ${origin}: `));
  });

  it('logs one record per request, without headers or bodies', async () => {
    const records: RequestRecord[] = [];
    handler = (req, res) => (req.url === '/ok' ? res.end('12345') : res.writeHead(404).end(STATUS_404));
    const t = transport(credentials(), (r) => records.push(r));
    await t.get('/ok', OPTS);
    await failure(t.get('/missing', OPTS));
    expect(records).toEqual([
      { method: 'GET', path: '/ok', status: 200, durationMs: expect.any(Number), bytes: 5, error: null },
      {
        method: 'GET',
        path: '/missing',
        status: 404,
        durationMs: expect.any(Number),
        bytes: 0,
        error: 'not found: the server could not find the requested resource',
      },
    ]);
    expect(JSON.stringify(records)).not.toContain('Bearer');
  });

  describe('retries, as client-go retries a GET', () => {
    it('a connection reset before any answer is asked again, and the answer used', async () => {
      let calls = 0;
      handler = (req, res) => (++calls === 1 ? req.socket.destroy() : res.end('{"kind":"NodeList"}'));
      const body = await transport().get('/api/v1/nodes', OPTS);
      expect(body.toString()).toBe('{"kind":"NodeList"}');
      expect(calls).toBe(2);
    });

    it('a 503 with Retry-After is asked again after that long, within the timeout', async () => {
      const times: number[] = [];
      handler = (_req, res) => {
        times.push(Date.now());
        if (times.length === 1) res.writeHead(503, { 'retry-after': '1' }).end('service unavailable\n');
        else res.end('ok');
      };
      expect((await transport().get('/apis/metrics.k8s.io/v1beta1/nodes', OPTS)).toString()).toBe('ok');
      expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
    });

    it('gives up after four tries, with the last error', async () => {
      handler = (_req, res) => res.writeHead(500).end('Internal Error: etcd\n');
      const error = await failure(transport().get('/api/v1/nodes', OPTS));
      expect(error).toMatchObject({ kind: 'server-error', status: 500 });
      expect(seen).toHaveLength(4);
    });

    it('a Retry-After past the timeout is not waited for: the error says when to come back', async () => {
      handler = (_req, res) => res.writeHead(429, { 'retry-after': '30' }).end('{"message":"slow down"}');
      const error = await failure(transport().get('/api/v1/nodes', OPTS));
      expect(error).toMatchObject({ kind: 'throttled', retryAfterMs: 30_000 });
      expect(seen).toHaveLength(1);
    });

    it.each([
      [403, STATUS_403],
      [404, STATUS_404],
    ])('a %d is an answer, not a failure to retry', async (status, body) => {
      handler = (_req, res) => res.writeHead(status).end(body);
      await failure(transport().get('/api/v1/nodes', OPTS));
      expect(seen).toHaveLength(1);
    });

    it('a body cut after some of it was handed over is not asked again (the reader has half of it)', async () => {
      handler = (req, res) => {
        res.writeHead(200);
        res.write('x'.repeat(2000), () => setImmediate(() => req.socket.destroy()));
      };
      const onChunk = vi.fn();
      await failure(transport().stream('/api/v1/pods', OPTS, onChunk));
      expect(onChunk).toHaveBeenCalled();
      expect(seen).toHaveLength(1);
    });

    it('with retry off (watches), a reset is final', async () => {
      handler = (req) => req.socket.destroy();
      await failure(transport().get('/api/v1/pods?watch=1', { ...OPTS, retry: false }));
      expect(seen).toHaveLength(1);
    });
  });

  describe('timeouts that measure silence, not size', () => {
    it('an answer still arriving after the timeout is not cut off', async () => {
      handler = (_req, res) => {
        res.writeHead(200);
        let sent = 0;
        const drip = setInterval(() => {
          res.write('x'.repeat(100));
          if (++sent === 8) {
            clearInterval(drip);
            res.end();
          }
        }, 60);
      };
      const started = Date.now();
      const body = await transport().get('/api/v1/pods', { timeoutMs: 200 });
      expect(body.length).toBe(800);
      expect(Date.now() - started).toBeGreaterThan(400);
    });

    it('a silence longer than the timeout mid-body ends it, saying it stalled', async () => {
      handler = (_req, res) => {
        res.writeHead(200);
        res.write('{"items":[');
      };
      const error = await failure(transport().get('/api/v1/pods', { timeoutMs: 150 }));
      expect(error).toMatchObject({ kind: 'timeout', message: `answer from ${origin} stalled for 0.2s` });
    });

    it('idleTimeoutMs allows a longer silence once the body flows (a quiet watch)', async () => {
      handler = (_req, res) => {
        res.writeHead(200);
        res.write('{"type":"BOOKMARK"}\n');
        setTimeout(() => res.end('{"type":"BOOKMARK"}\n'), 400);
      };
      const body = await transport().get('/api/v1/pods?watch=1', { timeoutMs: 150, idleTimeoutMs: 2_000 });
      expect(body.toString().split('\n').filter(Boolean)).toHaveLength(2);
    });
  });

  describe('the request limiter', () => {
    it('every request but kubelet reads waits for a token', async () => {
      handler = (_req, res) => res.end('ok');
      // A burst of two and (for this test) no refill to speak of.
      const limiter = new RequestLimiter({ qps: 0.001, burst: 2 });
      const t = new Transport(origin, { ca: cert }, credentials(), undefined, limiter);
      transports.push(t);
      const abort = new AbortController();
      const firstTwo = Promise.all([t.get('/a', OPTS), t.get('/b', OPTS)]);
      const third = failure(t.get('/c', { ...OPTS, signal: abort.signal }));
      await firstTwo;
      expect(limiter.waiting()).toBe(1);
      await Promise.all(['n1', 'n2', 'n3', 'n4'].map((node) => t.get(`/api/v1/nodes/${node}/proxy/stats/summary`, OPTS)));
      expect(seen.map((r) => r.url).sort()).toEqual([
        '/a',
        '/api/v1/nodes/n1/proxy/stats/summary',
        '/api/v1/nodes/n2/proxy/stats/summary',
        '/api/v1/nodes/n3/proxy/stats/summary',
        '/api/v1/nodes/n4/proxy/stats/summary',
        '/b',
      ]);
      abort.abort();
      await third;
      expect(limiter.waiting()).toBe(0);
    });
  });
});
