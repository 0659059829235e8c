import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFiles } from '../../src/cli/history/history-files.js';
import { type HistorySource, readSaved, SavedHistory } from '../../src/cli/history/saved-history.js';
import { withSavedSamples } from '../../src/cli/history/saved-node-samples.js';
import { HistoryStore } from '../../src/model/history.js';
import { NOTHING_REMEMBERED } from '../../src/model/one-shot-look.js';
import type { Histories, Snapshot } from '../../src/model/snapshot.js';
import { nodeInfo, podInfo, snapshot } from '../helpers/records.js';
import { tempDir } from '../helpers/temp-dir.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');
const SERVER = 'https://10.0.0.1:6443';
const node = nodeInfo('node-a');
const pod = podInfo('web-1');

function histories(podDepth = 40): Histories {
  return {
    nodeUsage: new HistoryStore({ seriesCount: 2, depth: 240 }),
    nodeDisk: new HistoryStore({ seriesCount: 3, depth: 240 }),
    podUsage: new HistoryStore({ seriesCount: 2, depth: podDepth }),
  };
}

/** A run's history: `minutes` of samples every 15 s, ending at `end`. */
function ran(h: Histories, end: number, minutes: number): Histories {
  for (let t = end - minutes * 60_000, i = 1; t <= end; t += 15_000, i++) {
    h.nodeUsage.record(node.uid, t, i, [500, 2 ** 20 + i]);
    h.nodeDisk.record(node.uid, t, i, [50 + i / 10, Number.NaN, 5]);
    h.podUsage.record(pod.uid, t, i, [100 + (i % 7), 2 ** 26 + i * 1000]);
  }
  return h;
}

/** A collector that has listed its nodes and pods, or not yet. */
function source(listed: { nodes: boolean; pods: boolean }): HistorySource & { emit(s: Snapshot): void; frames: number } {
  const listeners = new Set<(s: Snapshot) => void>();
  const shot = snapshot({ seq: 3, nodes: [node], pods: [pod], inventoryAt: listed.nodes ? T0 : null, podsListed: listed.pods });
  const src = {
    frames: 0,
    subscribe: (l: (s: Snapshot) => void) => {
      listeners.add(l);
      l(shot);
      return () => listeners.delete(l);
    },
    historyChanged: () => {
      src.frames++;
    },
    emit: (s: Snapshot) => {
      for (const l of listeners) l(s);
    },
  };
  return src;
}

describe('the saved history', () => {
  it('a restart opens with the last run’s samples under its own, nodes and pods', async () => {
    const dir = tempDir('kmon-state-');
    const files = historyFiles(dir, { context: 'prod', server: SERVER });
    const first = new SavedHistory(ran(histories(), T0, 30), { files, server: SERVER, maxBytes: 100e6 });
    await first.attach(source({ nodes: true, pods: true }));
    await first.stop();
    expect(existsSync(files.nodes) && existsSync(files.pods)).toBe(true);
    expect(statSync(files.nodes).mode & 0o777).toBe(0o600);

    const next = histories();
    next.nodeUsage.record(node.uid, T0 + 600_000, 1, [700, 2 ** 31]);
    const src = source({ nodes: true, pods: true });
    await new SavedHistory(next, { files, server: SERVER, maxBytes: 100e6 }).attach(src);
    const memory = next.nodeUsage.read(node.uid, 1);
    expect(memory).toHaveLength(122);
    expect(memory.at(-1)).toBe(2 ** 31);
    expect(next.nodeDisk.read(node.uid, 0).at(-1)).toBeCloseTo(50 + 121 / 10, 5);
    expect(next.podUsage.read(pod.uid, 1)).toHaveLength(40);
    await new Promise((resolve) => setTimeout(resolve));
    expect(src.frames).toBeGreaterThan(0);
  });

  it('waits for the lists before merging, and writes no file it has not merged', async () => {
    const dir = tempDir('kmon-state-');
    const files = historyFiles(dir, { context: 'prod', server: SERVER });
    const seed = new SavedHistory(ran(histories(), T0, 10), { files, server: SERVER, maxBytes: 100e6 });
    await seed.attach(source({ nodes: true, pods: true }));
    await seed.stop();

    const next = histories();
    const src = source({ nodes: true, pods: false });
    const saved = new SavedHistory(next, { files, server: SERVER, maxBytes: 100e6 });
    const attached = saved.attach(src);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(next.nodeUsage.read(node.uid, 0).length).toBeGreaterThan(0);
    expect(next.podUsage.read(pod.uid, 0)).toEqual([]);
    // Quitting now must not replace the pods' file with an empty history.
    await saved.save();
    expect((await readSaved(files.pods, SERVER))?.stores.get('podUsage')?.objects).toHaveLength(1);
    src.emit(snapshot({ seq: 4, nodes: [node], pods: [pod], inventoryAt: T0, podsListed: true }));
    await attached;
    expect(next.podUsage.read(pod.uid, 0)).toHaveLength(40);
  });

  it('keeps within its bound: the oldest samples go first, then other contexts’ files', async () => {
    const dir = tempDir('kmon-state-');
    const files = historyFiles(dir, { context: 'prod', server: SERVER });
    const other = historyFiles(dir, { context: 'staging', server: 'https://10.9.9.9:6443' });
    mkdirSync(other.dir, { recursive: true });
    writeFileSync(other.nodes, Buffer.alloc(50_000));
    utimesSync(other.nodes, new Date(T0 - 3_600_000), new Date(T0 - 3_600_000));
    const many = histories(240);
    for (let p = 0; p < 200; p++)
      for (let i = 0; i < 240; i++)
        many.podUsage.record(`pod-${p}`, T0 + i * 15_000, i + 1, [Math.random() * 1000, Math.random() * 2 ** 30]);
    const saved = new SavedHistory(many, { files, server: SERVER, maxBytes: 120_000 });
    await saved.attach(source({ nodes: true, pods: true }));
    await saved.stop();
    const sizes = readdirSync(files.dir).map((f) => statSync(path.join(files.dir, f)).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(120_000);
    expect(existsSync(other.nodes)).toBe(false);
    const kept = await readSaved(files.pods, SERVER);
    const samples = kept?.stores.get('podUsage')?.objects[0]?.times.length ?? 0;
    expect(samples).toBeGreaterThan(0);
    expect(samples).toBeLessThan(240);
    // The newest were kept.
    expect(kept?.stores.get('podUsage')?.objects[0]?.times.at(-1)).toBe(T0 + 239 * 15_000);
  });

  it('another server’s or a broken file is not read', async () => {
    const dir = tempDir('kmon-state-');
    const files = historyFiles(dir, { context: 'prod', server: SERVER });
    const saved = new SavedHistory(ran(histories(), T0, 5), { files, server: SERVER, maxBytes: 100e6 });
    await saved.attach(source({ nodes: true, pods: true }));
    await saved.stop();
    expect(await readSaved(files.nodes, 'https://elsewhere:6443')).toBeNull();
    writeFileSync(files.pods, 'garbage');
    expect(await readSaved(files.pods, SERVER)).toBeNull();
  });

  it('gives kmon status and kmon check the nodes’ samples of the last hour', async () => {
    const dir = tempDir('kmon-state-');
    const files = historyFiles(dir, { context: 'prod', server: SERVER });
    const saved = new SavedHistory(ran(histories(), T0, 90), { files, server: SERVER, maxBytes: 100e6 });
    await saved.attach(source({ nodes: true, pods: true }));
    await saved.stop();
    const remembered = await withSavedSamples(NOTHING_REMEMBERED, files.nodes, SERVER, T0);
    const disk = remembered.samples.disk[node.uid] ?? [];
    expect(disk.length).toBeGreaterThan(100);
    expect(disk[0]?.[0]).toBeGreaterThanOrEqual(T0 - 3_600_000);
    expect(remembered.samples.memory[node.uid]?.at(-1)).toEqual([T0, 2 ** 20 + 361]);
    expect(await withSavedSamples(NOTHING_REMEMBERED, files.nodes, 'https://elsewhere:6443', T0)).toBe(NOTHING_REMEMBERED);
  });
});
