import type { Collector } from '../../collect/collector.js';
import { RecordingError, RecordingWriter } from '../../collect/recording-file.js';
import { SnapshotRecorder } from '../../collect/snapshot-recorder.js';
import type { Scope } from '../../model/snapshot.js';
import { UsageError } from '../usage-error.js';

/** Starts recording what `collector` emits to `file` (kmon record, and the live screen's --record); a file that cannot be written is bad input. */
export async function recordTo(file: string, collector: Collector, scope: Scope): Promise<SnapshotRecorder> {
  let writer: RecordingWriter;
  try {
    writer = await RecordingWriter.open(file, { kmon: 'recording', version: 1, startedAt: Date.now(), scope });
  } catch (e) {
    throw e instanceof RecordingError ? new UsageError(`record ${e.message}`) : e;
  }
  const recorder = new SnapshotRecorder(writer);
  recorder.attach(collector);
  return recorder;
}

const MiB = 1024 * 1024;

/** "recorded 2m0s (24 frames, 1.2 MB) to FILE", once the recording is closed. */
export function recordedLine(recorder: SnapshotRecorder, file: string): string {
  const span = recorder.span();
  const seconds = span ? Math.round((span.to - span.from) / 1000) : 0;
  const size = recorder.bytes >= MiB ? `${(recorder.bytes / MiB).toFixed(1)} MiB` : `${Math.ceil(recorder.bytes / 1024)} KiB`;
  return `recorded ${Math.floor(seconds / 60)}m${seconds % 60}s (${recorder.frames} frames, ${size}) to ${file}`;
}
