import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';
import type { HistoryStore } from '../../model/history.js';
import { decodeHistories, encodeHistoryChunks, mergeSaved, type SavedHistories } from '../../model/history-codec.js';
import type { Histories, Snapshot } from '../../model/snapshot.js';
import type { HistoryFiles } from './history-files.js';

/** Where snapshots come from and frames are asked for: the collector. */
export interface HistorySource {
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  historyChanged(): void;
}

const gunzipped = promisify(gunzip);

export interface SavedHistoryOptions {
  readonly files: HistoryFiles;
  readonly server: string;
  /** The most every saved history together may take; the oldest samples, then other contexts' files, go first. */
  readonly maxBytes: number;
  /** How often to save while running (default a minute); always once more on stop. */
  readonly everyMs?: number;
  readonly now?: () => number;
}

// Fast compression: a minute's save of 150,000 pods' history is tens of MB before it.
const LEVEL = 3;
const SAVE_EVERY_MS = 60_000;

const nodeStores = (h: Histories) =>
  new Map<string, HistoryStore>([
    ['nodeUsage', h.nodeUsage],
    ['nodeDisk', h.nodeDisk],
  ]);
const podStores = (h: Histories) => new Map<string, HistoryStore>([['podUsage', h.podUsage]]);

/** A saved history file's content, or null when there is none, it is another server's, or it cannot be read. */
export async function readSaved(file: string, server: string): Promise<SavedHistories | null> {
  try {
    const saved = decodeHistories(await gunzipped(await readFile(file)));
    return saved.server === server ? saved : null;
  } catch {
    // No file yet, or one a crash cut short: the history starts afresh and the next save replaces it.
    return null;
  }
}

/**
 * Writes the stores, compressed, to a temporary file beside `file`, a chunk at a time with a turn
 * of the event loop between chunks (150,000 pods' history is tens of MB before compression, and a
 * key pressed meanwhile must not wait for all of it); resolves with the temporary file and its size.
 */
async function writeCompressed(file: string, chunks: Iterable<Uint8Array>): Promise<{ temp: string; size: number }> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temp, { mode: 0o600 });
  const gzip = createGzip({ level: LEVEL });
  gzip.pipe(out);
  const closed = once(out, 'close');
  for (const chunk of chunks) {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
    await turn();
  }
  gzip.end();
  await closed;
  return { temp, size: out.bytesWritten };
}

/**
 * The live screen's history on disk, per context and server: merged under the live samples at
 * start (a restart shows the last hour at once), saved every minute and on the way out, within
 * its bound. Nothing here delays a frame: reading, compressing and writing happen off the poll.
 */
export class SavedHistory {
  private timer: ReturnType<typeof setInterval> | null = null;
  private saving: Promise<void> = Promise.resolve();
  // A file is written only once what it held is merged: a save before then would lose it.
  private readonly ready = { nodes: false, pods: false };

  constructor(
    private readonly histories: Histories,
    private readonly options: SavedHistoryOptions,
  ) {}

  /**
   * Merges what earlier runs saved under the live samples of `source`: the nodes' once a frame has
   * the node list, the pods' once it has the pod list (a history merged before would be dropped as
   * that of objects gone), each followed by a frame. Resolves once both are in.
   */
  attach(source: HistorySource): Promise<void> {
    const { files, server } = this.options;
    const reading = Promise.all([readSaved(files.nodes, server), readSaved(files.pods, server)]);
    return reading.then(
      ([nodes, pods]) =>
        new Promise<void>((resolve) => {
          const pending = { nodes, pods };
          let unsubscribe: (() => void) | null = null;
          this.ready.nodes = !nodes;
          this.ready.pods = !pods;
          const onSnapshot = (snapshot: Snapshot) => {
            let added = 0;
            if (pending.nodes && snapshot.inventoryAt !== null) {
              for (const [name, store] of nodeStores(this.histories))
                added += mergeSaved(store, pending.nodes.stores.get(name), snapshot.seq);
              pending.nodes = null;
              this.ready.nodes = true;
            }
            if (pending.pods && snapshot.podsListed) {
              added += mergeSaved(this.histories.podUsage, pending.pods.stores.get('podUsage'), snapshot.seq);
              pending.pods = null;
              this.ready.pods = true;
            }
            if (added > 0) queueMicrotask(() => source.historyChanged());
            if (pending.nodes || pending.pods) return;
            queueMicrotask(() => unsubscribe?.());
            resolve();
          };
          unsubscribe = source.subscribe(onSnapshot);
        }),
    );
  }

  start(): void {
    this.timer ??= setInterval(() => void this.save(), this.options.everyMs ?? SAVE_EVERY_MS);
    this.timer.unref();
  }

  /** Saves once more. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.save();
  }

  save(): Promise<void> {
    this.saving = this.saving
      .then(() => this.write())
      .catch(() => {
        // A full disk or a read-only home costs the next start its history, never the screen.
      });
    return this.saving;
  }

  private async write(): Promise<void> {
    const { files, server, maxBytes } = this.options;
    const now = (this.options.now ?? Date.now)();
    const write = (file: string, stores: Map<string, HistoryStore>, keep: number) =>
      writeCompressed(file, encodeHistoryChunks(server, now, stores, keep));
    let keepPods = this.histories.podUsage.depth;
    let keepNodes = this.histories.nodeUsage.depth;
    let nodes = await write(files.nodes, nodeStores(this.histories), keepNodes);
    let pods = await write(files.pods, podStores(this.histories), keepPods);
    // Over the bound, the oldest samples go: the pods' first, then the nodes'.
    while (nodes.size + pods.size > maxBytes && keepPods > 1) {
      keepPods >>= 1;
      pods = await write(files.pods, podStores(this.histories), keepPods);
    }
    while (nodes.size + pods.size > maxBytes && keepNodes > 1) {
      keepNodes >>= 1;
      nodes = await write(files.nodes, nodeStores(this.histories), keepNodes);
    }
    const fits = nodes.size + pods.size <= maxBytes;
    for (const [written, file, ready] of [
      [nodes, files.nodes, this.ready.nodes],
      [pods, files.pods, this.ready.pods],
    ] as const) {
      if (fits && ready) await rename(written.temp, file);
      else await unlink(written.temp).catch(() => {});
    }
    if (fits) await this.prune([files.nodes, files.pods]);
  }

  /** Other contexts' files, the least recently saved first, until all of them fit the bound. */
  private async prune(current: readonly string[]): Promise<void> {
    const { dir } = this.options.files;
    const names = (await readdir(dir)).filter((n) => n.endsWith('.kmh'));
    const files = await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name);
        const s = await stat(file).catch(() => null);
        return { file, size: s?.size ?? 0, mtime: s?.mtimeMs ?? 0 };
      }),
    );
    let total = files.reduce((n, f) => n + f.size, 0);
    for (const f of files.sort((a, b) => a.mtime - b.mtime)) {
      if (total <= this.options.maxBytes) break;
      if (current.includes(f.file)) continue;
      await unlink(f.file).catch(() => {});
      total -= f.size;
    }
  }
}
