// The live screen's pod metrics decoder, on a thread of its own (pod-metrics-thread.ts starts it):
// at 150,000 pods a list is 50 MB of JSON, and inflating, parsing and checking it on the thread
// that draws held keys for a second and filled that thread's heap with garbage. Columns go back
// as transferred buffers, and each pod's namespace and name only the first time they are met.
import { parentPort } from 'node:worker_threads';
import { createGunzip, type Gunzip } from 'node:zlib';
import { PodKeys } from '../model/pod-keys.js';
import { keysWornOut, PodMetricsColumns } from './pod-metrics-list.js';
import { columnBuffers, type FromWorker, type ToWorker } from './pod-metrics-messages.js';

const port = parentPort;
if (!port) throw new Error('pod-metrics-worker runs as a worker thread');

let keys = new PodKeys();
let fresh = true;
let toldPods = 0;
let toldContainers = 0;
let lastRows = 0;

class Job {
  readonly list = new PodMetricsColumns(keys);
  private readonly gunzip: Gunzip | null;
  private failure: FromWorker | null = null;

  constructor(
    readonly id: number,
    encoding: string,
  ) {
    this.gunzip = encoding === 'gzip' ? createGunzip({ chunkSize: 256 * 1024 }) : null;
    this.gunzip?.on('data', (chunk: Buffer) => this.take(chunk));
    this.gunzip?.on('error', (e: Error) => this.fail(e.message, false));
  }

  push(bytes: Uint8Array): void {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.gunzip) this.gunzip.write(chunk);
    else this.take(chunk);
  }

  async end(): Promise<void> {
    if (this.gunzip && !this.failure) {
      const gunzip = this.gunzip;
      await new Promise<void>((resolve) => {
        gunzip.once('end', resolve);
        gunzip.once('error', () => resolve());
        gunzip.end();
      });
    }
    if (!this.failure) this.finish();
  }

  cancel(): void {
    this.gunzip?.destroy();
  }

  private take(chunk: Buffer): void {
    if (this.failure) return;
    try {
      this.list.push(chunk);
    } catch (e) {
      this.fail((e as Error).message, e instanceof SyntaxError);
    }
  }

  private finish(): void {
    let result: ReturnType<PodMetricsColumns['finish']>;
    try {
      result = this.list.finish();
    } catch (e) {
      this.fail((e as Error).message, e instanceof SyntaxError);
      return;
    }
    lastRows = result.columns.keys.length;
    const message: FromWorker = { kind: 'done', id: this.id, ...result, names: newNames() };
    port?.postMessage(message, columnBuffers(result.columns));
  }

  // Said at once, so the read stops rather than fetching the rest of a body already refused.
  private fail(message: string, syntax: boolean): void {
    if (this.failure) return;
    this.failure = { kind: 'failed', id: this.id, message, syntax };
    this.gunzip?.destroy();
    port?.postMessage(this.failure);
  }
}

function newNames() {
  const names = {
    fresh,
    namespaces: [] as string[],
    names: [] as string[],
    containers: [] as string[],
  };
  for (let id = toldPods; id < keys.size; id++) {
    names.namespaces.push(keys.namespaceOf(id));
    names.names.push(keys.nameOf(id));
  }
  for (let id = toldContainers; id < keys.containerCount; id++) names.containers.push(keys.containerName(id));
  fresh = false;
  toldPods = keys.size;
  toldContainers = keys.containerCount;
  return names;
}

const jobs = new Map<number, Job>();

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'begin':
      jobs.get(message.id)?.cancel();
      // Only between lists: a list in progress holds numbers of the old numbering.
      if (jobs.size === 0 && keysWornOut(keys, lastRows)) {
        keys = new PodKeys();
        fresh = true;
        toldPods = toldContainers = 0;
      }
      jobs.set(message.id, new Job(message.id, message.encoding));
      return;
    case 'chunk':
      jobs.get(message.id)?.push(message.bytes);
      return;
    case 'end': {
      const job = jobs.get(message.id);
      void job?.end().finally(() => jobs.delete(message.id));
      return;
    }
    case 'cancel':
      jobs.get(message.id)?.cancel();
      jobs.delete(message.id);
      return;
  }
});
