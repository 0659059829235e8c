// The live collector against apiservers that do not honour watches, beside one that does
// (bench/hostile-watch.ts, each in a process of its own, as plain Node on bundled code).
import { execFileSync } from 'node:child_process';
import { bundle } from './bundle.js';
import { printTable } from './table.js';

interface HostileFigures {
  readonly cpuPercent: number;
  readonly apiserverPerSecond: number;
  readonly notice: string;
}

const CASES: readonly [string, string | null][] = [
  ['watches honoured', null],
  ['watch answered with a list', JSON.stringify({ watchAsList: ['watch nodes', 'watch pods'] })],
  ['watch closed at once', JSON.stringify({ emptyWatches: ['watch nodes', 'watch pods'] })],
];

export async function benchHostile(): Promise<void> {
  const file = await bundle('hostile-watch.ts');
  const rows: string[][] = [];
  for (const [name, faults] of CASES) {
    const out = execFileSync(process.execPath, [file, ...(faults ? ['--faults', faults] : [])], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const f = JSON.parse(out.toString().trim().split('\n').at(-1) ?? '{}') as HostileFigures;
    rows.push([name, String(f.cpuPercent), `${f.apiserverPerSecond} (≤ 2)`, f.notice ? 'yes' : 'no']);
  }
  console.log('\nthe live collector against apiservers that do not honour watches: 6 nodes × 8 pods, 5 s polls, over 60 s once settled\n');
  printTable(['apiserver', 'CPU % of a core', 'apiserver req/s', 'says watches are unavailable'], rows);
}
