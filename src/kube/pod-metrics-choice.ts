import type { DecodedPodUsage, PodMetricsDecoder, PodMetricsSink } from './pod-metrics-list.js';
import { InThreadPodMetrics } from './pod-metrics-list.js';

// About 10,000 pods' metrics: reading that many takes tens of milliseconds, which a key would wait;
// fewer are read on the drawing thread, where they cost less than a worker's 8 MB or so of memory.
const WORKER_FROM_BYTES = 4 * 1024 * 1024;
const WORKER_FROM_PODS = 10_000;

/**
 * The live screen's pod metrics: read on the drawing thread while the lists are short, on a worker
 * thread once they are long. A fleet of twenty small clusters starts no worker at all. A list of
 * unknown length is held as it arrives and handed to the worker when it outgrows 4 MB; after a
 * long list, the next goes to the worker from its first byte, still compressed.
 */
export class SizedPodMetrics implements PodMetricsDecoder {
  private readonly inThread = new InThreadPodMetrics();
  private long = false;

  constructor(private readonly worker: PodMetricsDecoder) {}

  begin(): PodMetricsSink {
    const sink = this.long ? this.worker.begin() : new SpillingSink(this.inThread, this.worker);
    return {
      raw: sink.raw,
      open: (encoding) => sink.open(encoding),
      push: (chunk) => sink.push(chunk),
      end: () => sink.end().then((decoded) => this.measured(decoded)),
      cancel: () => sink.cancel(),
    };
  }

  close(): void {
    this.worker.close();
    this.inThread.close();
  }

  private measured(decoded: DecodedPodUsage): DecodedPodUsage {
    this.long = decoded.usage.size >= WORKER_FROM_PODS;
    return decoded;
  }
}

/** Holds a body, decoded by the transport, until it ends (read here) or outgrows the limit (sent to the worker). */
class SpillingSink implements PodMetricsSink {
  readonly raw = false;
  private held: Buffer[] = [];
  private bytes = 0;
  private spilled: PodMetricsSink | null = null;

  constructor(
    private readonly here: PodMetricsDecoder,
    private readonly there: PodMetricsDecoder,
  ) {}

  open(): void {}

  push(chunk: Buffer): void {
    if (this.spilled) {
      this.spilled.push(chunk);
      return;
    }
    this.held.push(chunk);
    this.bytes += chunk.length;
    if (this.bytes > WORKER_FROM_BYTES) this.spilled = this.handOver(this.there);
  }

  end(): Promise<DecodedPodUsage> {
    return (this.spilled ?? this.handOver(this.here)).end();
  }

  cancel(): void {
    this.held = [];
    this.spilled?.cancel();
  }

  private handOver(decoder: PodMetricsDecoder): PodMetricsSink {
    const sink = decoder.begin();
    sink.open('identity');
    for (const chunk of this.held) sink.push(chunk);
    this.held = [];
    return sink;
  }
}
