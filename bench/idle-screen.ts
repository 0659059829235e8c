// The live screen left alone on a small cluster, as it sits in a tmux pane all day: CPU (% of one
// core) and frames drawn over a minute, at a given terminal size, with the live face's own settings
// (watches, 5 s polls, 15 fps cap, small heap, pod metrics read as the live face reads them). Prints one JSON
// line; bench/idle-runs.ts tabulates.
import { parseArgs } from 'node:util';
import { preferSmallHeap } from '../src/cli/heap-preference.js';
import { resolveTarget } from '../src/kube/kubeconfig/resolve-target.js';
import { DEFAULT_THRESHOLDS } from '../src/model/thresholds.js';
import { openLiveCluster } from './live-cluster.js';
import { mountScreen } from './screen-harness.js';
import { startSimProcess } from './sim-process.js';

const { values } = parseArgs({ options: { columns: { type: 'string' }, rows: { type: 'string' }, seconds: { type: 'string' } } });
const columns = Number(values.columns ?? 120);
const rows = Number(values.rows ?? 32);
const seconds = Number(values.seconds ?? 60);

preferSmallHeap();
const sim = await startSimProcess(6, 8);
const target = resolveTarget({ kubeconfig: sim.kubeconfig, env: {}, homeDir: '/nonexistent' });
const { connection, collector } = openLiveCluster(target, { intervalMs: 5_000 });
const screen = mountScreen(collector, DEFAULT_THRESHOLDS, (names) => collector.prioritizeNodes(names), { columns, rows, maxFps: 15 });
collector.start();
// Settled: everything read once, the first kubelet sweep over, history begun.
await new Promise((resolve) => setTimeout(resolve, 15_000));
const frames = screen.frames.length;
const cpu = process.cpuUsage();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const used = process.cpuUsage(cpu);
const drawn = screen.frames.length - frames;
collector.stop();
connection.close();
screen.unmount();
await sim.stop();
console.log(
  JSON.stringify({
    columns,
    rows,
    seconds,
    cpuPercent: Math.round(((used.user + used.system) / 1000 / (seconds * 1000)) * 1000) / 10,
    framesPerMinute: Math.round((drawn / seconds) * 60),
  }),
);
