// `kmon status` is what tmux runs every few seconds: its wall time and peak memory beside
// `kubectl top nodes`, beside a bare Node.js script making the same two GETs (the floor for any
// Node.js program), and beside `node -e 0`, all against one simulated cluster in a process of its
// own so that its CPU never mixes with what is measured. Medians of interleaved runs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { interleaved } from './interleaved.js';
import { KMON, ROOT, startSimProcess } from './sim-process.js';
import { printTable } from './table.js';
import type { Contender } from './timed-run.js';
import { onPath, scratchDir } from './tools.js';

// KMON_BENCH_KMON=/other/checkout/bin/kmon.js measures another build, to compare before and after.
const MEASURED = process.env.KMON_BENCH_KMON ?? KMON;
const BARE = path.join(ROOT, 'bench', 'bare-client.cjs');
const WARMUPS = 2;
const RUNS = Number(process.env.KMON_BENCH_RUNS ?? 15);
// kmon status must stay within this multiple of the bare script.
const TARGET_RATIO = 1.3;

const sim = await startSimProcess(6, 8);
try {
  // A cache with disk figures read just now: no run below falls due for a background disk refresh.
  const cache = scratchDir('kmon-bench-');
  const statusEnv = { XDG_CACHE_HOME: cache, TMUX: '', LANG: 'C.UTF-8' };
  execFileSync(process.execPath, [MEASURED, 'status', '--kubeconfig', sim.kubeconfig, '--refresh-disk'], {
    env: { ...process.env, ...statusEnv },
    stdio: 'ignore',
  });
  const contenders: Contender[] = [
    {
      name: 'kmon status',
      argv: [process.execPath, MEASURED, 'status', '--kubeconfig', sim.kubeconfig, '--format', 'tmux'],
      env: statusEnv,
    },
    { name: 'bare Node.js GETs', argv: [process.execPath, BARE, sim.kubeconfig] },
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
  ];
  if (onPath('kubectl', ['version', '--client'])) {
    // Its own cache directory: discovery is cached after the warm-ups, as on any workstation.
    const kubectlCache = scratchDir('kmon-bench-kubectl-');
    contenders.push({
      name: 'kubectl top nodes',
      argv: ['kubectl', '--kubeconfig', sim.kubeconfig, '--cache-dir', kubectlCache, 'top', 'nodes'],
    });
  }
  const summary = await interleaved(contenders, WARMUPS, RUNS);
  const bare = summary.find((s) => s.name === 'bare Node.js GETs')?.ms ?? Number.NaN;
  console.log(`\nkmon status: median of ${RUNS} runs after ${WARMUPS} warm-ups, 6-node simulated cluster\n`);
  printTable(
    ['command', 'wall ms', 'peak RSS MiB', '× bare'],
    summary.map((s) => [s.name, s.ms.toFixed(1), s.rssMiB === null ? 'n/a' : s.rssMiB.toFixed(1), (s.ms / bare).toFixed(2)]),
  );
  const ratio = (summary[0]?.ms ?? Number.NaN) / bare;
  console.log(`\nkmon status / bare script: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})${ratio > TARGET_RATIO ? '  OVER TARGET' : ''}`);
} finally {
  await sim.stop();
}
