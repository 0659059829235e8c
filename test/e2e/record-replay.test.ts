import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../src/collect/recording-file.js';
import { FrameDecoder } from '../../src/model/frame-decoder.js';
import { HistoryStore } from '../../src/model/history.js';
import { NODE_COLUMNS } from '../../src/model/node-columns.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { clock } from '../../src/ui/header-text.js';
import { KMON, kmon } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { stripSgr, Tmux } from '../helpers/tmux.js';
import { hasTool } from '../helpers/tools.js';

// kmon record as a person runs it, then kmon replay in tmux: the header carries the recorded
// time, seeking to the start and the end lands on the recording's first and last frames, and the
// node pane shows the figures those frames hold.

const TMUX = hasTool('tmux', ['-V']);
const dir = tempDir('kmon-record-');
const file = path.join(dir, 'incident.kmon');
let sim: Sim;
let tmux: Tmux | null = null;
let recording: Awaited<ReturnType<typeof kmon>>;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 12, metricResolutionMs: 1000 });
  recording = await kmon(['record', '-o', file, '--duration', '8s', '--interval', '1s', '--kubeconfig', sim.kubeconfigPath]);
}, 30_000);
afterAll(async () => {
  await tmux?.kill();
  await sim?.stop();
});

/** The recording's snapshots, as its frames rebuild them. */
async function recorded(): Promise<Snapshot[]> {
  const decoder = new FrameDecoder();
  const history = {
    nodeUsage: new HistoryStore({ seriesCount: 2, depth: 4 }),
    nodeDisk: new HistoryStore({ seriesCount: 3, depth: 4 }),
    podUsage: new HistoryStore({ seriesCount: 2, depth: 4 }),
  };
  return (await readRecording(file)).frames.map((f) => decoder.apply(f, history));
}

/** A node's CPU and memory cells as the node pane writes them: "0.4/3.9", "2.5/15Gi". */
function cells(snapshot: Snapshot, node: string): string[] {
  const row = buildNodeRows(snapshot, DEFAULT_THRESHOLDS).find((r) => r.name === node);
  if (!row) return [];
  const ctx = { now: snapshot.takenAt, ascii: false, width: 10, history: snapshot.history, asOfTick: snapshot.seq };
  return ['cpu', 'mem'].map((id) => NODE_COLUMNS.find((c) => c.id === id)?.cell(row, ctx).text ?? '');
}

const header = (screen: string) => stripSgr(screen).split('\n')[0] ?? '';

describe('kmon record, then kmon replay', () => {
  it('kmon record writes the frames for its duration and says what it wrote', async () => {
    const ran = recording;
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(new RegExp(`^kmon: recording kmon-sim to ${file} for 8s\\n`));
    expect(ran.stderr).toMatch(/kmon: recorded 0m[78]s \(\d+ frames, \d+ KiB\) to /);
    const frames = await recorded();
    expect(frames.length).toBeGreaterThanOrEqual(6);
    expect(frames.at(-1)?.nodes).toHaveLength(3);
  });

  it.skipIf(!TMUX)(
    'kmon replay shows the recorded times and figures, and seeks to the start and the end',
    async () => {
      const frames = await recorded();
      const first = frames[0] as Snapshot;
      const last = frames.at(-1) as Snapshot;
      tmux = await Tmux.start('replay', 120, 32);
      await tmux.type(`node ${KMON} replay ${file}; echo "kmon-exit=$?"`);
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => /REPLAY \d\d:\d\d:\d\d/.test(header(s)), 15_000, 'the replay');
      await tmux.type('p');
      await tmux.waitFor((s) => header(s).includes('PAUSED'), 5_000, 'the replay paused');

      await tmux.type(')');
      const end = await tmux.waitFor((s) => header(s).includes(`REPLAY ${clock(last.takenAt)} END`), 5_000, 'the last frame');
      const node = last.nodes[0]?.name ?? '';
      const endRow = stripSgr(end)
        .split('\n')
        .find((l) => l.startsWith(node));
      const figures = cells(last, node);
      expect(figures).toEqual([expect.stringMatching(/^[\d.]+\/[\d.]+$/), expect.stringMatching(/^[\d.]+\/[\d.]+\w+$/)]);
      for (const cell of figures) expect(endRow).toContain(` ${cell} `);

      await tmux.type('(');
      await tmux.waitFor(
        (s) => header(s).includes(`REPLAY ${clock(first.takenAt)}`) && header(s).includes('PAUSED'),
        5_000,
        'the first frame',
      );
      await tmux.type('q');
      await tmux.waitFor((s) => /^kmon-exit=0/m.test(s), 10_000, 'kmon to quit');
    },
    60_000,
  );

  it.each([
    [
      'not a recording',
      () => 'not a recording\n',
      /^kmon: replay .*bad\.kmon is not a kmon recording \(it does not start with "kmon recording 1"\)$/,
    ],
    ['not there', null, /^kmon: replay .*bad\.kmon: cannot read \(ENOENT\)$/],
  ])('a file that is %s is one line and exit 2', async (_, text, message) => {
    const bad = path.join(tempDir('kmon-bad-'), 'bad.kmon');
    if (text) writeFileSync(bad, text());
    const ran = await kmon(['replay', bad], {}, 10_000);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(ran.stderr.trimEnd()).toMatch(message);
  });

  it.skipIf(!TMUX)(
    'a recording cut short replays what it holds, says so in the header, and in a line once quit',
    async () => {
      const cut = path.join(dir, 'cut.kmon');
      const whole = readFileSync(file);
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
      tmux = tmux ?? (await Tmux.start('replay', 120, 32));
      await tmux.type(`clear; node ${KMON} replay ${cut}; echo "cut-exit=$?"`);
      await tmux.send(['Enter']);
      await tmux.waitFor((s) => /NODES \d/.test(stripSgr(s)), 15_000, 'the replay');
      await tmux.type(')');
      await tmux.waitFor((s) => /REPLAY \d\d:\d\d:\d\d END · cut short/.test(header(s)), 10_000, 'the end of what the file holds');
      await tmux.type('q');
      const after = await tmux.waitFor((s) => /^cut-exit=0/m.test(s), 10_000, 'kmon to quit');
      expect(stripSgr(after)).toMatch(/kmon: .*cut\.kmon is cut short: replayed what it holds, to \d\d:\d\d:\d\d/);
    },
    60_000,
  );
});
