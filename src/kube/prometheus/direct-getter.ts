import { Agent as HttpAgent, get as httpGet, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, get as httpsGet } from 'node:https';
import { createGunzip } from 'node:zlib';
import { networkError } from '../http-errors.js';
import { KubeError } from '../kube-error.js';
import type { PromAnswer, PromGetOptions, PromGetter } from './prom-getter.js';

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}s`;

/**
 * GET-only HTTP(S) to a Prometheus at its own URL (a path prefix kept, user and password in the
 * URL sent as basic auth and never shown). Bounded as the apiserver transport is: a timeout on
 * silence, a cap on the body's size, and an abort signal.
 */
export function directGetter(base: URL, where: string): PromGetter {
  const https = base.protocol === 'https:';
  const agent = https ? new HttpsAgent({ keepAlive: true, maxSockets: 4 }) : new HttpAgent({ keepAlive: true, maxSockets: 4 });
  const prefix = base.pathname.replace(/\/$/, '');
  return {
    where,
    get: (pathAndQuery, options) => once(new URL(`${base.origin}${prefix}${pathAndQuery}`), base, agent, where, options),
    close: () => agent.destroy(),
  };
}

function once(url: URL, base: URL, agent: HttpAgent, where: string, options: PromGetOptions): Promise<PromAnswer> {
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  const auth = base.username ? `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}` : undefined;
  return new Promise<PromAnswer>((resolve, reject) => {
    const request = get(url, {
      agent,
      auth,
      headers: { Accept: 'application/json', 'Accept-Encoding': 'gzip', 'User-Agent': 'kmon' },
      signal: options.signal,
    });
    let answered = false;
    const expire = () =>
      request.destroy(
        new KubeError(
          'timeout',
          answered
            ? `answer from ${where} stalled for ${seconds(options.timeoutMs)}`
            : `no answer from ${where} within ${seconds(options.timeoutMs)}`,
        ),
      );
    const timer = setTimeout(expire, options.timeoutMs);
    const fail = (e: unknown) => {
      clearTimeout(timer);
      reject(e instanceof KubeError ? e : networkError(e as NodeJS.ErrnoException, where, answered));
    };
    request.on('error', fail);
    request.on('response', (response: IncomingMessage) => {
      answered = true;
      timer.refresh();
      const body = response.headers['content-encoding'] === 'gzip' ? response.pipe(createGunzip()) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('error', fail);
      body.on('data', (chunk: Buffer) => {
        timer.refresh();
        size += chunk.length;
        if (size > options.maxBytes)
          request.destroy(new KubeError('malformed', `${where}: answer larger than ${Math.round(options.maxBytes / 1048576)} MiB`));
        else chunks.push(chunk);
      });
      body.on('end', () => {
        clearTimeout(timer);
        if (!response.complete) return fail(new KubeError('unreachable', `connection to ${where} dropped mid-response`));
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks),
        });
      });
    });
  });
}
