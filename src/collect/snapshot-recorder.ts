import { FrameEncoder } from '../model/frame-encoder.js';
import type { Snapshot } from '../model/snapshot.js';
import type { RecordingWriter } from './recording-file.js';

/**
 * Writes every snapshot a collector emits to a recording, as what changed since the one before:
 * `kmon record` and the live screen's --record. It holds the last snapshot and the string table,
 * no copies: the collector's own objects are compared and written.
 */
export class SnapshotRecorder {
  private readonly encoder = new FrameEncoder();
  private unsubscribe: (() => void) | null = null;
  private last: Snapshot | null = null;
  private first: number | null = null;
  /** Main-thread time spent turning snapshots into frames, for the benchmark. */
  busyMs = 0;

  constructor(private readonly writer: RecordingWriter) {}

  attach(source: { subscribe(listener: (snapshot: Snapshot) => void): () => void }): void {
    this.unsubscribe ??= source.subscribe((snapshot) => this.record(snapshot));
  }

  get frames(): number {
    return this.writer.frameCount;
  }

  get bytes(): number {
    return this.writer.bytes;
  }

  /** The first and last recorded times. */
  span(): { readonly from: number; readonly to: number } | null {
    return this.first === null || !this.last ? null : { from: this.first, to: this.last.takenAt };
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.writer.close();
  }

  private record(snapshot: Snapshot): void {
    // A snapshot emitted twice (a subscriber's replay of the latest) is one frame.
    if (snapshot === this.last) return;
    const started = performance.now();
    this.last = snapshot;
    this.first ??= snapshot.takenAt;
    this.writer.write(this.encoder.next(snapshot));
    this.busyMs += performance.now() - started;
  }
}
