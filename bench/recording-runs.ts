// What recording costs (KMON_BENCH_ONLY=record): the size of an hour's recording at 50 × 30 on a
// warped clock (recording-size.ts), and the live screen at 5,000 × 30 with and without --record
// (scale-live.ts with KMON_BENCH_RECORD), printed as two tables.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundle } from './bundle.js';
import { printTable } from './table.js';

const run = (file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  JSON.parse(
    execFileSync(process.execPath, [file, ...args], {
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    })
      .toString()
      .trim()
      .split('\n')
      .at(-1) ?? '{}',
  ) as Record<string, number>;

export async function benchRecording(): Promise<void> {
  await bundle('warped-sim.ts');
  const size = run(await bundle('recording-size.ts'), ['--minutes', '60', '--speed', '15']);
  console.log('\nkmon record for an hour of a 50 × 30 cluster (simulated time, 15× the wall clock; a poll every 5 s)\n');
  printTable(
    ['cluster', 'recorded min', 'frames', 'size MB', 'recorder ms/frame'],
    [
      [
        `${size.nodes} × 30`,
        String(size.recordedMinutes),
        String(size.frames),
        ((size.bytes ?? 0) / 1e6).toFixed(1),
        String(size.recorderMsPerFrame),
      ],
    ],
  );

  const live = await bundle('scale-live.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'kmon-bench-record-'));
  const rows: string[][] = [];
  for (const record of [false, true]) {
    const f = run(
      live,
      ['--nodes', '5000', '--pods', '30', '--polls', '10'],
      record ? { KMON_BENCH_RECORD: path.join(dir, 'live.kmon') } : {},
    );
    rows.push([
      record ? 'with --record' : 'without',
      String(f.cpuPerPollMs),
      String(f.steadyRssMB),
      String(f.peakRssMB),
      String(f.stallMs),
      record ? String(f.recordMsPerPoll) : '-',
      record ? String(f.recordedMB) : '-',
    ]);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('\nthe live screen at 5,000 × 30, with and without recording (steady polls, as in the live table)\n');
  printTable(['live screen', 'CPU ms/poll', 'steady RSS MB', 'peak RSS MB', 'stall ms', 'recorder ms/poll', 'recorded MB'], rows);
}
