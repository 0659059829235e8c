// A fleet of 20 small clusters (3 nodes × 5 pods each, served from one process of their own) on the
// live screen at 120×32, idle: in the fleet view, and with one cluster's screen open while the other
// 19 poll every 15 s. Then three clusters, one with its port closed: how long until all three rows
// say what they are. Each run is bench/fleet-idle.ts in a process of its own, as plain Node on
// bundled code; printed as one table.
import { execFileSync } from 'node:child_process';
import { bundle } from './bundle.js';
import { printTable } from './table.js';

interface FleetFigures {
  readonly clusters: number;
  readonly down: number;
  readonly open: boolean;
  readonly seconds: number;
  readonly allReadMs: number;
  readonly cpuPercent: number;
  readonly rssMB: number;
  readonly framesPerMinute: number;
}

const RUNS = [
  { label: '20 clusters, fleet view', args: ['--clusters', '20'] },
  { label: '20 clusters, one open', args: ['--clusters', '20', '--open'] },
  { label: '3 clusters, 1 unreachable', args: ['--clusters', '3', '--down', '1', '--seconds', '10'] },
];

export async function benchFleet(): Promise<void> {
  const [idle, sims] = await Promise.all([bundle('fleet-idle.ts'), bundle('fleet-sims.ts')]);
  const rows: string[][] = [];
  for (const run of RUNS) {
    const out = execFileSync(process.execPath, [idle, '--sims', sims, ...run.args], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const f = JSON.parse(out.toString().trim().split('\n').at(-1) ?? '{}') as FleetFigures;
    rows.push([run.label, `${(f.allReadMs / 1000).toFixed(1)} s`, String(f.cpuPercent), `${f.rssMB} MiB`, String(f.framesPerMinute)]);
  }
  console.log('\nfleet: small clusters (3 nodes × 5 pods), 5 s polls on screen and 15 s off it, 120×32, idle over 30 s after settling\n');
  printTable(['fleet', 'all rows read', 'CPU % of a core', 'RSS (median)', 'frames / min'], rows);
}
