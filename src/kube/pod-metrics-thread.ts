import { Worker } from 'node:worker_threads';
import { PodKeys } from '../model/pod-keys.js';
import { PodUsageIndex } from '../model/pod-usage-index.js';
import { networkError } from './http-errors.js';
import { KubeError } from './kube-error.js';
import type { DecodedPodUsage, PodMetricsDecoder, PodMetricsSink } from './pod-metrics-list.js';
import type { FromWorker, NewNames, ToWorker } from './pod-metrics-messages.js';

interface Job {
  failure: Error | null;
  settle: ((result: DecodedPodUsage | Error) => void) | null;
}

function startWorker(): Worker {
  const here = import.meta.url;
  // From the sources (tests, tsx) the worker is TypeScript, which a worker runs only through tsx's loader.
  if (here.endsWith('.ts')) {
    const url = JSON.stringify(new URL('./pod-metrics-worker.ts', here).href);
    return new Worker(`import { register } from 'tsx/esm/api'; register(); await import(${url});`, { eval: true });
  }
  return new Worker(new URL('./pod-metrics-worker.js', here));
}

/**
 * Pod metrics decoded on a worker thread, for the live screen: the thread that draws and takes
 * keys only passes the compressed body on and gets typed columns back, with the names of pods it
 * has not met before. The worker starts with the first list and ends with close().
 */
export class WorkerPodMetrics implements PodMetricsDecoder {
  private worker: Worker | null = null;
  private keys = new PodKeys();
  private nextId = 1;
  private readonly jobs = new Map<number, Job>();

  /** `server` names the apiserver when a compressed body turns out broken. */
  constructor(private readonly server: string) {}

  begin(): PodMetricsSink {
    const id = this.nextId++;
    const job: Job = { failure: null, settle: null };
    this.jobs.set(id, job);
    let opened = false;
    const open = (encoding: string) => {
      opened = true;
      this.post({ kind: 'begin', id, encoding });
    };
    return {
      raw: true,
      open,
      push: (chunk) => {
        if (job.failure) throw job.failure;
        if (!opened) open('identity');
        // A copy the worker can own: the transport's buffers may share memory with others.
        const bytes = new Uint8Array(chunk);
        this.post({ kind: 'chunk', id, bytes }, [bytes.buffer]);
      },
      end: () =>
        new Promise<DecodedPodUsage>((resolve, reject) => {
          if (job.failure) return reject(job.failure);
          if (!opened) open('identity');
          job.settle = (result) => (result instanceof Error ? reject(result) : resolve(result));
          this.post({ kind: 'end', id });
        }),
      cancel: () => {
        if (!this.jobs.delete(id)) return;
        this.post({ kind: 'cancel', id });
      },
    };
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.started().postMessage(message, transfer);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    // A reader that is done with the worker must not be kept alive by it.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.heard(message));
    worker.on('error', (e) => this.lost(worker, e));
    worker.on('exit', (code) => this.lost(worker, new Error(`exited with code ${code}`)));
    this.worker = worker;
    this.keys = new PodKeys();
    return worker;
  }

  private heard(message: FromWorker): void {
    // Names come in the order they were numbered, whichever list the answer is for.
    if (message.kind === 'done') this.learn(message.names);
    const job = this.jobs.get(message.id);
    if (!job) return;
    if (message.kind === 'done') {
      this.jobs.delete(message.id);
      const { columns, skipped, firstProblem } = message;
      job.settle?.({ usage: new PodUsageIndex(this.keys, columns), skipped, firstProblem });
      return;
    }
    job.failure = message.syntax
      ? new SyntaxError(message.message)
      : networkError(Object.assign(new Error(message.message), { code: 'Z_DATA_ERROR' }), this.server);
    if (job.settle) this.jobs.delete(message.id);
    job.settle?.(job.failure);
  }

  private learn(names: NewNames): void {
    if (names.fresh) this.keys = new PodKeys();
    for (let i = 0; i < names.names.length; i++) this.keys.add(names.namespaces[i] as string, names.names[i] as string);
    for (const container of names.containers) this.keys.addContainer(container);
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const failure = new KubeError('server-error', `pod metrics decoder stopped: ${error.message}`);
    for (const job of this.jobs.values()) {
      job.failure = failure;
      job.settle?.(failure);
    }
    this.jobs.clear();
  }
}
