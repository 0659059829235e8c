// The idle live screen at two terminal sizes (bench/idle-screen.ts, each in a process of its own,
// as plain Node on bundled code), printed as one table.
import { execFileSync } from 'node:child_process';
import { bundle } from './bundle.js';
import { printTable } from './table.js';

interface IdleFigures {
  readonly columns: number;
  readonly rows: number;
  readonly seconds: number;
  readonly cpuPercent: number;
  readonly framesPerMinute: number;
}

const SIZES = [
  { columns: 120, rows: 32, target: 1.5 },
  { columns: 160, rows: 45, target: 2 },
] as const;

export async function benchIdle(): Promise<void> {
  const file = await bundle('idle-screen.ts');
  const rows: string[][] = [];
  for (const size of SIZES) {
    const out = execFileSync(process.execPath, [file, '--columns', String(size.columns), '--rows', String(size.rows)], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const f = JSON.parse(out.toString().trim().split('\n').at(-1) ?? '{}') as IdleFigures;
    rows.push([`${f.columns}×${f.rows}`, `${f.cpuPercent} (≤ ${size.target})`, String(f.framesPerMinute)]);
  }
  console.log('\nidle live screen: 6 nodes × 8 pods, 5 s polls, nothing pressed, over 60 s after it settled\n');
  printTable(['terminal', 'CPU % of a core', 'frames / min'], rows);
}
