import { interleaved } from './interleaved.js';
import { KMON, startSimProcess } from './sim-process.js';
import { printTable } from './table.js';
import type { Contender } from './timed-run.js';
import { onPath, scratchDir } from './tools.js';

const NODES = Number(process.env.KMON_BENCH_NODES ?? 5000);
const PODS_PER_NODE = 30;
const RUNS = Number(process.env.KMON_BENCH_RUNS ?? 5);

export async function benchTopPods(): Promise<void> {
  if (!onPath('kubectl', ['version', '--client'])) {
    console.log('\nkmon top pods -A: kubectl is not on PATH, nothing to compare with; skipped');
    return;
  }
  // One scrape for the whole comparison: every run of either command reads the same 54 MB, and none
  // pays for the simulator rendering a new scrape (that would land on whichever ran first after it).
  const sim = await startSimProcess(NODES, PODS_PER_NODE, ['--metric-resolution', '3600s']);
  try {
    const cache = scratchDir('kmon-bench-kubectl-');
    const contenders: Contender[] = [
      { name: 'kmon top pods -A', argv: [process.execPath, KMON, 'top', 'pods', '-A', '--kubeconfig', sim.kubeconfig] },
      { name: 'kubectl top pods -A', argv: ['kubectl', '--kubeconfig', sim.kubeconfig, '--cache-dir', cache, 'top', 'pods', '-A'] },
    ];
    const [kmon, kubectl] = await interleaved(contenders, 1, RUNS);
    if (!kmon || !kubectl) return;
    console.log(`\nkmon top pods -A on ${NODES} nodes × ${PODS_PER_NODE} pods: median of ${RUNS} runs after 1 warm-up\n`);
    const rss = (r: number | null) => (r === null ? 'n/a' : r.toFixed(0));
    printTable(
      ['command', 'wall s', 'peak RSS MiB'],
      [kmon, kubectl].map((s) => [s.name, (s.ms / 1000).toFixed(2), rss(s.rssMiB)]),
    );
    const time = kmon.ms / kubectl.ms;
    const memory = kmon.rssMiB !== null && kubectl.rssMiB !== null ? kmon.rssMiB / kubectl.rssMiB : Number.NaN;
    console.log(`\nkmon / kubectl: wall ${time.toFixed(2)} (target ≤ 0.5), peak RSS ${memory.toFixed(2)} (target ≤ 1)`);
  } finally {
    await sim.stop();
  }
}
