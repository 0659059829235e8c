// The live collector against a small simulated cluster whose apiserver misbehaves as given
// (--faults, as `kmon sim --faults`), polling every 5 s: CPU (% of one core) and the requests a
// second it sends the apiserver, kubelet reads apart, over a minute once settled. Prints one JSON
// line; bench/hostile-runs.ts tabulates.
import { parseArgs } from 'node:util';
import { liveCollector } from '../src/collect/live-collector.js';
import { connect } from '../src/kube/connect.js';
import { resolveTarget } from '../src/kube/kubeconfig/resolve-target.js';
import { startSimProcess } from './sim-process.js';

const { values } = parseArgs({ options: { faults: { type: 'string' }, seconds: { type: 'string' } } });
const seconds = Number(values.seconds ?? 60);
const sim = await startSimProcess(6, 8, values.faults ? ['--faults', values.faults] : []);
const target = resolveTarget({ kubeconfig: sim.kubeconfig, env: {}, homeDir: '/nonexistent' });
const requests: { readonly at: number; readonly kubelet: boolean }[] = [];
const connection = connect(target, { requestMs: 10_000, kubeletMs: 4_000 }, (record) =>
  requests.push({ at: Date.now(), kubelet: record.path.includes('/proxy/') }),
);
const collector = liveCollector({
  reader: connection.client,
  scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace: null },
  intervalMs: 5_000,
  kubelet: { qps: 20, burst: 100, concurrency: 8 },
});
let notices = '';
collector.subscribe((snapshot) => {
  notices = snapshot.problems
    .filter((p) => p.kind === 'degraded')
    .map((p) => p.message)
    .join('; ');
});
collector.start();
// Settled: listed, the watches given up on (three short ones take about 7 s), the first sweep over.
await new Promise((resolve) => setTimeout(resolve, 15_000));
const since = Date.now();
const cpu = process.cpuUsage();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const used = process.cpuUsage(cpu);
const apiserver = requests.filter((r) => r.at >= since && !r.kubelet).length;
collector.stop();
connection.close();
await sim.stop();
console.log(
  JSON.stringify({
    faults: values.faults ?? 'none',
    cpuPercent: Math.round(((used.user + used.system) / 1000 / (seconds * 1000)) * 1000) / 10,
    apiserverPerSecond: Math.round((apiserver / seconds) * 100) / 100,
    notice: notices,
  }),
);
