import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RecordingError, RecordingWriter, readRecording } from '../../src/collect/recording-file.js';
import { ReplaySource } from '../../src/collect/replay-source.js';
import { SnapshotRecorder } from '../../src/collect/snapshot-recorder.js';
import { FrameDecoder } from '../../src/model/frame-decoder.js';
import type { Histories, Snapshot } from '../../src/model/snapshot.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { type Live, startLive, until } from '../e2e/faults/live-collector.js';
import { tempDir } from '../helpers/temp-dir.js';

// Two minutes of the live collector on the simulated cluster, recorded, then replayed: every frame
// gives back the figures the live screen had at that recorded time, and seeking lands on them. The
// sim and kmon share a faked Date moved 5 s a step, so the two minutes take seconds.

const STEP_MS = 5_000;
const dir = tempDir('kmon-recording-');
const file = path.join(dir, 'two-minutes.kmon');
let sim: Sim;
let live: Live;
const seen: Snapshot[] = [];
let recorder: SnapshotRecorder;
let liveHistory: Histories;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: Math.floor(Date.now() / 1000) * 1000 });
  sim = await startSim({ nodes: 4, podsPerNode: 5, seed: 8, now: () => Date.now(), metricResolutionMs: 5_000 });
  live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 100 });
  const { scope } = await until(() => live.latest());
  recorder = new SnapshotRecorder(await RecordingWriter.open(file, { kmon: 'recording', version: 1, startedAt: Date.now(), scope }));
  recorder.attach(live.collector);
  live.collector.subscribe((s) => {
    if (seen.at(-1) !== s) seen.push(s);
  });
  for (let t = 0; t < 120_000; t += STEP_MS) {
    vi.setSystemTime(Date.now() + STEP_MS);
    const now = Date.now();
    await until(() => expect(live.latest().takenAt).toBeGreaterThanOrEqual(now));
  }
  live.stop();
  await recorder.stop();
  liveHistory = live.collector.histories();
}, 120_000);

/** The first length from `from` on at which the file inflates to whole lines: just after a frame's flush. */
function flushPointAfter(bytes: Buffer, from: number): number {
  const start = 'kmon recording 1\n'.length;
  for (let at = from; at < bytes.length - 8; at++) {
    const text = gunzipSync(bytes.subarray(start, at), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
    if (text.endsWith('\n')) return at;
  }
  throw new Error('no flush point found');
}

afterAll(async () => {
  live?.stop();
  await sim?.stop();
  vi.useRealTimers();
});

const figures = (s: Snapshot) => ({
  seq: s.seq,
  takenAt: s.takenAt,
  nodes: s.nodes.map((n) => n.uid).sort(),
  pods: s.pods.map((p) => `${p.uid} ${p.phase} ${p.containers.map((c) => c.restarts).join(',')}`).sort(),
  nodeUsage: [...s.nodeUsage.values()].map((u) => [u.name, u.cpuMilli, u.memoryBytes, u.timestamp]).sort(),
  podUsage: [...s.podUsage.values()].map((u) => [u.namespace, u.name, u.cpuMilli, u.memoryBytes, u.timestamp]).sort(),
  disk: [...s.summaries].map(([name, f]) => [name, f.summary.fs?.availableBytes, f.fetchedAt]).sort(),
  problems: s.problems.map((p) => p.message),
  metricsSource: s.metricsSource,
});

function samples(history: Histories, uid: string, asOfTick = Number.POSITIVE_INFINITY) {
  return {
    cpu: history.nodeUsage.read(uid, 0, 240, asOfTick),
    memory: history.nodeUsage.read(uid, 1, 240, asOfTick),
    times: history.nodeUsage.readTimes(uid, 240, asOfTick),
    disk: history.nodeDisk.read(uid, 0, 240, asOfTick),
  };
}

describe('kmon record, then kmon replay', () => {
  it('writes every frame the live screen drew, in a few kilobytes', async () => {
    const recording = await readRecording(file);
    expect(recording.cutShort).toBe(false);
    expect(recording.frames.map((f) => f.seq)).toEqual(seen.map((s) => s.seq));
    expect((recording.frames.at(-1)?.t ?? 0) - (recording.frames[0]?.t ?? 0)).toBeGreaterThanOrEqual(115_000);
    expect(recorder.bytes).toBeLessThan(200 * 1024);
  });

  it('gives back each frame’s figures: nodes, pods, CPU, memory, disk, problems, at the same recorded times', async () => {
    const recording = await readRecording(file);
    const decoder = new FrameDecoder();
    const replayed = recording.frames.map((f) => decoder.apply(f, liveHistory));
    expect(replayed.map(figures)).toEqual(seen.map(figures));
  });

  it('plays back the live histories, and seeking lands on the frame of that time with the charts it had', async () => {
    const player = new ReplaySource(await readRecording(file));
    player.start();
    player.command('pause');
    const node = seen.at(-1)?.nodes[0]?.uid ?? '';
    player.command('end');
    expect(player.state()).toMatchObject({ ended: true, at: seen.at(-1)?.takenAt });
    expect(samples(player.latest()?.history as Histories, node)).toEqual(samples(liveHistory, node));

    player.command('back');
    const back = player.latest() as Snapshot;
    const then = [...seen].reverse().find((s) => s.takenAt <= (seen.at(-1)?.takenAt ?? 0) - 60_000) as Snapshot;
    expect(back.seq).toBe(then.seq);
    expect(figures(back)).toEqual(figures(then));
    expect(samples(back.history, node)).toEqual(samples(liveHistory, node, then.seq));
    expect(player.state().epoch).toBe(1);

    player.command('start');
    expect(player.state().at).toBe(seen[0]?.takenAt);
    player.command('forward');
    const forward = player.latest() as Snapshot;
    expect(forward.takenAt).toBeLessThanOrEqual((seen[0]?.takenAt ?? 0) + 60_000);
    expect(figures(forward)).toEqual(figures(seen.find((s) => s.seq === forward.seq) as Snapshot));
    player.stop();
  });

  it('a file cut short replays the frames before the cut, and says so', async () => {
    const whole = readFileSync(file);
    const cut = path.join(dir, 'cut.kmon');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const recording = await readRecording(cut);
    expect(recording.cutShort).toBe(true);
    expect(recording.frames.length).toBeGreaterThan(2);
    expect(recording.frames.length).toBeLessThan(seen.length);
    const player = new ReplaySource(recording);
    player.start();
    player.command('end');
    expect(player.state()).toMatchObject({ cutShort: true, ended: true });
    player.stop();
  });

  it('a file cut just after a frame was flushed (whole lines, no gzip trailer) is cut short too', async () => {
    const whole = readFileSync(file);
    const at = flushPointAfter(whole, Math.floor(whole.length * 0.5));
    const cut = path.join(dir, 'cut-at-flush.kmon');
    writeFileSync(cut, whole.subarray(0, at));
    const recording = await readRecording(cut);
    expect(recording.cutShort).toBe(true);
    expect(recording.frames.length).toBeLessThan(seen.length);
    expect((await readRecording(file)).cutShort).toBe(false);
  });

  it.each([
    ['a foreign file', () => 'hello, world\n', /is not a kmon recording \(it does not start with "kmon recording 1"\)/],
    ['only the first line', () => 'kmon recording 1\n', /cut short or damaged before its first frame/],
    ['a header and no frame', () => readFileSync(file).subarray(0, 40), /cut short or damaged before its first frame|has no frames/],
  ])('%s is refused in one line', async (_, bytes, message) => {
    const bad = path.join(dir, 'bad.kmon');
    writeFileSync(bad, bytes());
    await expect(readRecording(bad)).rejects.toThrow(RecordingError);
    await expect(readRecording(bad)).rejects.toThrow(message);
  });

  it('a file that is not there says so', async () => {
    await expect(readRecording(path.join(dir, 'absent.kmon'))).rejects.toThrow(/absent\.kmon: cannot read \(ENOENT\)/);
  });
});
