import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { directGetter } from '../../../src/kube/prometheus/direct-getter.js';
import { PromClient } from '../../../src/kube/prometheus/prom-client.js';
import { parsePromTarget } from '../../../src/kube/prometheus/prom-target.js';
import { closedPort } from '../../helpers/closed-port.js';
import { hangingServer } from '../../helpers/hanging-server.js';

// Prometheus's HTTP API as a small server answers it, and as servers that are not Prometheus (a
// login page, a proxy's error) answer in its place.

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
let answer: Answer = (_req, res) => res.end();
let seen: IncomingMessage[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  seen = [];
});

function client(url = base, timeoutMs = 2_000): PromClient {
  const target = parsePromTarget(url);
  if (target.kind !== 'url') throw new Error('not a URL');
  return new PromClient(directGetter(target.url, target.where), timeoutMs);
}

const json =
  (status: number, body: unknown, gzip = false): Answer =>
  (_req, res) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(text) : text);
  };

const MATRIX = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { node: 'node-1', instance: '10.0.0.1:10250' },
        values: [
          [1718000000, '0.25'],
          [1718000015.5, 'NaN'],
          [1718000031, '+Inf'],
        ],
      },
    ],
  },
};

describe('Prometheus client', () => {
  it('asks query_range with start, end and step in seconds, and reads the series with times in ms', async () => {
    answer = json(200, MATRIX);
    const series = await client(`${base}/prom/`).queryRange({
      query: 'up{job="x"}',
      start: 1_718_000_000_000,
      end: 1_718_003_600_000,
      stepMs: 15_000,
    });
    const url = new URL(seen[0]?.url ?? '', base);
    expect(url.pathname).toBe('/prom/api/v1/query_range');
    expect(Object.fromEntries(url.searchParams)).toEqual({ query: 'up{job="x"}', start: '1718000000', end: '1718003600', step: '15' });
    expect(seen[0]?.method).toBe('GET');
    expect(series).toEqual([
      {
        labels: { node: 'node-1', instance: '10.0.0.1:10250' },
        times: [1_718_000_000_000, 1_718_000_015_500, 1_718_000_031_000],
        values: [0.25, Number.NaN, Number.POSITIVE_INFINITY],
      },
    ]);
  });

  it('reads a gzip answer and an instant vector', async () => {
    answer = json(200, { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1718000000, '3'] }] } }, true);
    expect(await client().query('count(up)', 1_718_000_000_000)).toEqual([{ labels: {}, times: [1_718_000_000_000], values: [3] }]);
    expect(seen[0]?.headers['accept-encoding']).toContain('gzip');
  });

  it('sends a URL’s user and password as basic auth and never shows them', async () => {
    answer = json(401, { status: 'error', errorType: 'unauthorized', error: 'bad credentials' });
    const port = new URL(base).port;
    const failure = client(`http://kmon:s3cret@127.0.0.1:${port}`).query('up', 0);
    await expect(failure).rejects.toThrow(`http://127.0.0.1:${port}: query failed (unauthorized: bad credentials)`);
    await failure.catch((e: Error) => expect(e.message).not.toContain('s3cret'));
    expect(seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('kmon:s3cret').toString('base64')}`);
  });

  it.each<[string, Answer, RegExp]>([
    [
      'a query error',
      json(400, { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected "}"' }),
      /query failed \(bad_data: 1:5: parse error/,
    ],
    [
      'an HTML page (a login page, a proxy)',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><body>Sign in</body></html>');
      },
      /answered with an HTML page, not Prometheus's API/,
    ],
    [
      'text that is not JSON',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('404 page not found\n');
      },
      /answered with text\/plain that is not JSON/,
    ],
    ['JSON of another shape', json(200, { items: [] }), /not an answer of Prometheus's API \(status: /],
    [
      'a bare error status',
      (_req, res) => {
        res.writeHead(502);
        res.end('bad gateway');
      },
      /: HTTP 502$/,
    ],
    [
      'escape sequences in an error',
      json(422, { status: 'error', errorType: 'execution', error: 'boom\u001b]0;pwned\u0007' }),
      /query failed \(execution: boom\)$/,
    ],
  ])('says in one line what is wrong with %s', async (_, reply, message) => {
    answer = reply;
    const failure = client().query('up', 0);
    await expect(failure).rejects.toThrow(message);
    await failure.catch((e: Error) => expect(e.message).not.toMatch(/[\n\u001b]/));
  });

  it('says when nothing listens there', async () => {
    const port = await closedPort();
    await expect(client(`http://127.0.0.1:${port}`).query('up', 0)).rejects.toThrow(
      `cannot reach http://127.0.0.1:${port}: connection refused`,
    );
  });

  it('gives up on a server that never answers, within its timeout', async () => {
    const hanging = await hangingServer();
    try {
      const started = Date.now();
      await expect(client(`http://127.0.0.1:${hanging.port}`, 300).query('up', 0)).rejects.toThrow(/no answer from .* within 0.3s/);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await hanging.close();
    }
  });
});
