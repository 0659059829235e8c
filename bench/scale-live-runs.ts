// The live screen at 5,000 × 30 and at 50 × 30 (bench/scale-live.ts, each in a process of its
// own, as plain Node on bundled code), printed as one table.
import { execFileSync } from 'node:child_process';
import { bundle } from './bundle.js';
import { printTable } from './table.js';

interface LiveFigures {
  readonly nodes: number;
  readonly pods: number;
  readonly firstFrameMs: number;
  readonly podsListedMs: number;
  readonly steadyPolls: number;
  readonly cpuPerPollMs: number;
  readonly steadyRssMB: number;
  readonly peakRssMB: number;
  readonly kubeletPerSecond: number;
  readonly otherPerSecond: number;
  readonly frameMs: number;
  readonly keyMs: number;
  readonly keyWorstMs: number;
  readonly stallMs: number;
}

const SIZES: readonly { nodes: number; polls: number; rssTarget: number }[] = [
  { nodes: 5000, polls: 15, rssTarget: 400 },
  { nodes: 50, polls: 12, rssTarget: 150 },
];

export async function benchLive(): Promise<void> {
  const file = await bundle('scale-live.ts');
  const rows: string[][] = [];
  for (const size of SIZES) {
    const out = execFileSync(process.execPath, [file, '--nodes', String(size.nodes), '--pods', '30', '--polls', String(size.polls)], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    });
    const f = JSON.parse(out.toString().trim().split('\n').at(-1) ?? '{}') as LiveFigures;
    rows.push([
      `${f.nodes} × 30 (${f.pods} pods)`,
      (f.firstFrameMs / 1000).toFixed(1),
      (f.podsListedMs / 1000).toFixed(1),
      `${f.cpuPerPollMs} (${f.steadyPolls} polls)`,
      `${f.steadyRssMB} (< ${size.rssTarget})`,
      String(f.peakRssMB),
      `${f.kubeletPerSecond} (≤ 20)`,
      String(f.otherPerSecond),
      `${f.frameMs} (< 30)`,
      `${f.keyMs} / ${f.keyWorstMs}`,
      String(f.stallMs),
    ]);
  }
  console.log(
    '\nlive screen (collector with watches + Ink at 120×32), polling every 5 s; steady = the polls after the pod list is in: mean CPU, median RSS and frame,\n' +
      'keys (Tab M j C N A r G g, polling stopped) median / worst, and the longest the event loop was held by a steady poll\n',
  );
  printTable(
    [
      'cluster',
      'first frame s',
      'pods listed s',
      'CPU ms/poll',
      'steady RSS MB',
      'peak RSS MB',
      'kubelet req/s',
      'other req/s',
      'frame ms',
      'key→frame ms',
      'stall ms',
    ],
    rows,
  );
}
