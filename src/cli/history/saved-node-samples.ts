import { readFile } from 'node:fs/promises';
import { lazyImport } from '../../kube/lazy-import.js';
import { decodeHistories } from '../../model/history-codec.js';
import type { Remembered } from '../../model/one-shot-look.js';
import { joinSamples, NO_SAMPLES, type NodeSamples, savedNodeSamples } from '../../model/remembered-samples.js';

/**
 * The nodes' samples the live screen last saved for this server, for kmon status and kmon check to
 * fit trends to: an hour of every node's disk and memory where a live screen has been running.
 * zlib is loaded only when there is such a file: kmon status elsewhere never pays for it.
 */
export async function readSavedNodeSamples(file: string, server: string): Promise<NodeSamples> {
  try {
    const bytes = await readFile(file);
    const { gunzipSync } = await lazyImport<typeof import('node:zlib')>('node:zlib');
    const saved = decodeHistories(gunzipSync(bytes));
    return saved.server === server ? savedNodeSamples(saved) : NO_SAMPLES;
  } catch {
    return NO_SAMPLES;
  }
}

/** What a face that looks now and then remembers, with the live screen's saved samples beside its own. */
export async function withSavedSamples(remembered: Remembered, file: string, server: string, now: number): Promise<Remembered> {
  const saved = await readSavedNodeSamples(file, server);
  return saved === NO_SAMPLES ? remembered : { ...remembered, samples: joinSamples(remembered.samples, saved, now) };
}
