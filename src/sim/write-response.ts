import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { pacedStream } from './paced-stream.js';
import type { Body, SimResponse } from './sim-response.js';

// The apiserver compresses a response once it passes 128 KiB and the client accepts gzip
// (apiserver/pkg/endpoints/handlers/responsewriters: defaultGzipThresholdBytes), at level 1.
export const GZIP_THRESHOLD = 128 * 1024;

async function* chunks(body: Body): AsyncGenerator<string> {
  if (typeof body === 'string') yield body;
  else yield* body;
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Writes with backpressure: a slow reader slows the producer instead of filling memory. */
async function write(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (!stream.destroyed && !stream.write(chunk)) await drained(stream);
}

export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => part.trim().split(';')[0] === 'gzip');
}

/** Where body bytes go: the response itself, or a pacer in front of it when a fault narrows the pipe. */
function bodySink(res: ServerResponse, bytesPerSecond: number | undefined): Writable {
  if (bytesPerSecond === undefined) return res;
  const paced = pacedStream(bytesPerSecond);
  paced.pipe(res);
  res.on('close', () => paced.destroy());
  return paced;
}

async function stream(res: ServerResponse, out: Writable, response: SimResponse, body: AsyncGenerator<string>): Promise<void> {
  res.writeHead(response.status, { 'Content-Type': response.contentType, ...response.headers });
  res.flushHeaders();
  for await (const chunk of body) {
    if (res.destroyed) break;
    await write(out, chunk);
  }
  out.end();
}

export async function writeResponse(res: ServerResponse, response: SimResponse, gzip: boolean): Promise<void> {
  const body = chunks(response.body);
  const out = bodySink(res, response.bytesPerSecond);
  if (response.streaming) return stream(res, out, response, body);
  const head: Buffer[] = [];
  let size = 0;
  for (let next = await body.next(); ; next = await body.next()) {
    if (next.done) {
      res.writeHead(response.status, { 'Content-Type': response.contentType, 'Content-Length': size, ...response.headers });
      out.end(Buffer.concat(head));
      return;
    }
    const buffer = Buffer.from(next.value);
    head.push(buffer);
    size += buffer.length;
    if (size > GZIP_THRESHOLD) break;
  }
  res.writeHead(response.status, {
    'Content-Type': response.contentType,
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...response.headers,
  });
  const sink: Writable = gzip ? createGzip({ level: 1 }) : out;
  if (gzip) {
    sink.pipe(out);
    res.on('close', () => sink.destroy());
  }
  for (const buffer of head) await write(sink, buffer);
  for await (const chunk of body) {
    if (res.destroyed) break;
    await write(sink, chunk);
  }
  sink.end();
}
