import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { constants, createGunzip, createGzip, type Gzip } from 'node:zlib';
import * as z from 'zod/mini';
import type { FrameRecord, RecordingHeader } from '../model/frame-record.js';

// A recording on disk: a first line saying what it is, then a gzip stream of JSON lines, the
// header and then a frame a line. Each frame is flushed as it is written, so a recorder killed
// mid-way leaves every frame before the last readable, and the reader replays those.

const MAGIC = 'kmon recording 1\n';
// A recording whose frames inflate past this is refused rather than allowed to fill the heap.
const MAX_TEXT = 2 * 1024 ** 3;

/** A recording that cannot be read at all, said in one line. */
export class RecordingError extends Error {
  override name = 'RecordingError';
}

// JSON has no NaN or Infinity; a figure unknown at the time (NaN) must come back as it was.
const replacer = (_: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { '~': String(v) } : v);
const reviver = (_: string, v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { '~'?: unknown })['~'] === 'string'
    ? Number((v as { '~': string })['~'])
    : v;

const headerSchema = z.object({
  kmon: z.literal('recording'),
  version: z.literal(1),
  startedAt: z.number(),
  scope: z.object({ context: z.string(), cluster: z.string(), server: z.string(), namespace: z.nullable(z.string()) }),
});
const frameSchema = z.looseObject({ t: z.number(), seq: z.number() });

export class RecordingWriter {
  private frames = 0;

  private constructor(
    private readonly gzip: Gzip,
    private readonly out: WriteStream,
  ) {}

  /** Creates (or replaces) `file` and writes the header; throws a one-line error when the file cannot be written. */
  static async open(file: string, header: RecordingHeader): Promise<RecordingWriter> {
    const out = createWriteStream(file, { mode: 0o600 });
    try {
      await once(out, 'open');
    } catch (e) {
      throw new RecordingError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    out.write(MAGIC);
    const gzip = createGzip({ level: 6 });
    gzip.pipe(out);
    const writer = new RecordingWriter(gzip, out);
    writer.line(header);
    return writer;
  }

  write(frame: FrameRecord): void {
    this.frames++;
    // Pod usage is most of a frame at scale (150,000 rows a scrape), and its rows hold no NaN (null
    // stands for one): written without the replacer, which would be called for each of its numbers.
    const { podUsage, ...rest } = frame;
    const text = JSON.stringify(rest, replacer);
    this.text(podUsage ? `${text.slice(0, -1)},"podUsage":${JSON.stringify(podUsage)}}` : text);
  }

  get frameCount(): number {
    return this.frames;
  }

  /** Bytes on disk so far. */
  get bytes(): number {
    return this.out.bytesWritten;
  }

  /** Ends the stream and waits until every byte is on disk. */
  async close(): Promise<void> {
    const finished = once(this.out, 'close');
    this.gzip.end();
    await finished;
  }

  private line(value: unknown): void {
    this.text(JSON.stringify(value, replacer));
  }

  private text(json: string): void {
    this.gzip.write(`${json}\n`);
    this.gzip.flush(constants.Z_SYNC_FLUSH);
  }
}

export interface Recording {
  readonly header: RecordingHeader;
  readonly frames: readonly FrameRecord[];
  /** Whether the file ends mid-frame (a recorder killed, a copy cut short): the frames before are all there. */
  readonly cutShort: boolean;
}

/** The text inside the gzip stream, as far as it goes: a stream cut short yields what came before. */
async function inflated(file: string): Promise<{ text: string; cutShort: boolean }> {
  const input = createReadStream(file, { start: MAGIC.length });
  const gunzip = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  const chunks: Buffer[] = [];
  let size = 0;
  let cutShort = false;
  await new Promise<void>((resolve, reject) => {
    input.on('error', reject);
    gunzip.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_TEXT) reject(new RecordingError(`${file}: frames larger than ${MAX_TEXT / 1024 ** 3} GiB`));
      chunks.push(chunk);
    });
    gunzip.on('error', () => {
      cutShort = true;
      resolve();
    });
    gunzip.on('end', () => resolve());
    input.pipe(gunzip);
  });
  return { text: Buffer.concat(chunks).toString('utf8'), cutShort: cutShort || !(await endsWithTrailer(file, size)) };
}

/**
 * Whether the gzip stream ends with its trailer, whose last four bytes are the inflated length.
 * Frames are flushed one by one, so a file cut just after a flush inflates without complaint and
 * ends with a whole line: only the missing trailer tells it from a file the recorder closed.
 */
async function endsWithTrailer(file: string, inflatedBytes: number): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < MAGIC.length + 18) return false;
    const tail = Buffer.alloc(4);
    await handle.read(tail, 0, 4, size - 4);
    return tail.readUInt32LE(0) === inflatedBytes % 2 ** 32;
  } finally {
    await handle.close();
  }
}

async function magic(file: string): Promise<string> {
  const stream = createReadStream(file, { start: 0, end: MAGIC.length - 1 });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (e) {
    throw new RecordingError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return Buffer.concat(chunks).toString('latin1');
}

/** Every frame of a recording; a foreign or unreadable file throws a RecordingError, a cut one says so. */
export async function readRecording(file: string): Promise<Recording> {
  const start = await magic(file);
  if (start !== MAGIC) throw new RecordingError(`${file} is not a kmon recording (it does not start with "${MAGIC.trim()}")`);
  const { text, cutShort: streamCut } = await inflated(file);
  const lines = text.split('\n');
  // A whole stream ends with a newline; whatever follows the last one was being written.
  const partial = lines.pop() !== '';
  const parse = (line: string) => JSON.parse(line, line.includes('{"~":') ? reviver : undefined) as unknown;
  let header: RecordingHeader;
  try {
    header = headerSchema.parse(parse(lines[0] ?? '')) as RecordingHeader;
  } catch {
    throw new RecordingError(`${file}: recording cut short or damaged before its first frame`);
  }
  const frames: FrameRecord[] = [];
  let cutShort = streamCut || partial;
  for (const line of lines.slice(1)) {
    try {
      frames.push(frameSchema.parse(parse(line)) as FrameRecord);
    } catch {
      cutShort = true;
      break;
    }
  }
  if (frames.length === 0) throw new RecordingError(`${file}: recording has no frames${cutShort ? ' (cut short)' : ''}`);
  return { header, frames, cutShort };
}
