// The live screen against a simulated cluster of a given size, in this process only, as a user
// runs it: collector with watches, and the Ink screen redrawing on every snapshot. Prints one JSON
// line of figures: CPU time per poll, steady RSS, requests per second sent to the apiserver, frame
// render time, and how long a keypress takes to show in the pod pane. bench/run.ts tabulates it.
import { parseArgs } from 'node:util';
import { Collector } from '../src/collect/collector.js';
import { WatchInventory } from '../src/collect/watch-inventory.js';
import { connect } from '../src/kube/connect.js';
import { resolveTarget } from '../src/kube/kubeconfig/resolve-target.js';
import { DEFAULT_THRESHOLDS } from '../src/model/thresholds.js';
import { median } from './median.js';
import { mountScreen } from './screen-harness.js';
import { startSimProcess } from './sim-process.js';

const { values } = parseArgs({ options: { nodes: { type: 'string' }, pods: { type: 'string' }, polls: { type: 'string' }, interval: { type: 'string' } } });
const nodes = Number(values.nodes ?? 50);
const podsPerNode = Number(values.pods ?? 30);
const polls = Number(values.polls ?? 8);
const intervalMs = Number(values.interval ?? 5000);
const trace = process.env.KMON_BENCH_TRACE !== undefined;

const sim = await startSimProcess(nodes, podsPerNode);
const target = resolveTarget({ kubeconfig: sim.kubeconfig, env: {}, homeDir: '/nonexistent' });
const requestTimes: number[] = [];
const connection = connect(target, { requestMs: 60_000, kubeletMs: 4_000 }, () => requestTimes.push(Date.now()));
const collector = new Collector({
  reader: connection.client,
  scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace: null },
  intervalMs,
  kubelet: { qps: 20, burst: 100, concurrency: 8 },
  inventory: new WatchInventory({ reader: connection.client, namespace: null }),
});

const started = Date.now();
const screen = mountScreen(collector, DEFAULT_THRESHOLDS);
collector.start();

// One sample per poll (snapshots from summary arrivals in between are folded into the next one).
const samples: { at: number; cpuMs: number; rss: number }[] = [];
let firstFrameMs = 0;
await new Promise<void>((resolve) => {
  let cpu = process.cpuUsage();
  let lastAt = 0;
  collector.subscribe((snapshot) => {
    if (!firstFrameMs) firstFrameMs = Date.now() - started;
    if (snapshot.metricsAt === lastAt) return;
    lastAt = snapshot.metricsAt ?? 0;
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const rss = process.memoryUsage().rss;
    samples.push({ at: Date.now(), cpuMs: (used.user + used.system) / 1000, rss });
    if (trace) {
      const m = process.memoryUsage();
      const mb = (n: number) => Math.round(n / 1048576);
      console.error(`poll ${samples.length} rss ${mb(rss)} MB heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} cpu ${Math.round((used.user + used.system) / 1000)} ms`);
    }
    if (samples.length > polls) resolve();
  });
});

const keyMs: number[] = [];
for (const key of ['\t', 'M', 'j', 'C', 'N', 'A', 'r', 'G', 'g']) keyMs.push(await screen.press(key));
const steady = samples.slice(2);
const windowStart = steady[0]?.at ?? started;
const windowEnd = steady.at(-1)?.at ?? Date.now();
const inWindow = requestTimes.filter((t) => t > windowStart && t <= windowEnd).length;
collector.stop();
connection.close();
screen.unmount();
await sim.stop();
console.log(
  JSON.stringify({
    nodes,
    pods: nodes * podsPerNode,
    firstFrameMs,
    cpuPerPollMs: Math.round(median(steady.slice(1).map((s) => s.cpuMs))),
    steadyRssMB: Math.round(median(steady.slice(-3).map((s) => s.rss)) / 1048576),
    peakRssMB: Math.round(Math.max(...samples.map((s) => s.rss)) / 1048576),
    requestsPerSecond: Math.round((inWindow / Math.max(1, (windowEnd - windowStart) / 1000)) * 10) / 10,
    frameMs: Math.round(median(screen.frames.slice(1)) * 10) / 10,
    keyMs: Math.round(median(keyMs) * 10) / 10,
  }),
);
