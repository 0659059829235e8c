// The fleet view left alone, as it sits in a tmux window all day: many small clusters, each with
// its own connection and collector, the Ink screen on a fake terminal of a given size. Measures how
// long until every cluster's row is read (or says why it cannot be), then CPU (% of one core), RSS
// and frames over a stretch of idle time: in the fleet view, or with one cluster's screen open (--open)
// and the others polling in the background. Prints one JSON line; bench/fleet-runs.ts tabulates.
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { render } from 'ink';
import { createElement } from 'react';
import { preferSmallHeap } from '../src/cli/heap-preference.js';
import { Fleet } from '../src/collect/fleet.js';
import { resolveTargets } from '../src/kube/kubeconfig/resolve-targets.js';
import { clusterProblem } from '../src/model/cluster-health.js';
import { DEFAULT_THRESHOLDS } from '../src/model/thresholds.js';
import { FleetScreen } from '../src/ui/components/FleetScreen.js';
import { makeTheme } from '../src/ui/theme.js';
import { FakeStdin } from '../test/helpers/fake-stdin.js';
import { openLiveCluster } from './live-cluster.js';
import { Terminal } from './screen-harness.js';
import { startServing } from './sim-process.js';

const { values } = parseArgs({
  options: {
    sims: { type: 'string' },
    clusters: { type: 'string' },
    down: { type: 'string' },
    columns: { type: 'string' },
    rows: { type: 'string' },
    seconds: { type: 'string' },
    open: { type: 'boolean' },
  },
});
const clusters = Number(values.clusters ?? 20);
const columns = Number(values.columns ?? 120);
const rows = Number(values.rows ?? 32);
const seconds = Number(values.seconds ?? 30);
const INTERVAL = 5_000;
const BACKGROUND = 15_000;

preferSmallHeap();
const sims = await startServing([values.sims ?? '', '--clusters', String(clusters), '--down', values.down ?? '0']);
const targets = resolveTargets({ kubeconfig: sims.kubeconfig, contexts: 'all', env: {}, homeDir: homedir() });
const fleet = new Fleet({
  initial: targets,
  contexts: targets.map((t) => t.context),
  open: (context) => {
    const target = targets.find((t) => t.context === context)?.target;
    if (!target) throw new Error(`no target for ${context}`);
    const { connection, collector } = openLiveCluster(target, { intervalMs: INTERVAL, context });
    return { server: target.server, collector, close: () => connection.close() };
  },
  intervalMs: INTERVAL,
  backgroundMs: BACKGROUND,
  keep: true,
});

let frames = 0;
const keyboard = new FakeStdin();
const app = render(
  createElement(FleetScreen, {
    fleet,
    thresholds: DEFAULT_THRESHOLDS,
    theme: makeTheme({ color: true, ascii: false }),
    namespace: null,
    intervalMs: INTERVAL,
    backgroundMs: BACKGROUND,
  }),
  {
    stdout: new Terminal(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    stderr: new Terminal(columns, rows) as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 15,
    onRender: () => {
      frames++;
    },
  },
);
const started = performance.now();
fleet.start();

/** Every cluster read (nodes, pods and metrics), or named as unreadable. */
const allShown = () =>
  fleet.members().every((m) => {
    const s = m.collector?.latest();
    return s && (clusterProblem(s) !== null || (s.inventoryAt !== null && s.podsListed && s.metricsAt !== null));
  });
while (!allShown()) await new Promise((resolve) => setTimeout(resolve, 20));
const allReadMs = performance.now() - started;

if (values.open) keyboard.write('\r');
// Settled: the first kubelet sweeps over, the clusters off screen on their slower pace.
await new Promise((resolve) => setTimeout(resolve, 15_000));
const framesBefore = frames;
const cpu = process.cpuUsage();
const rss: number[] = [];
for (let s = 0; s < seconds; s++) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  rss.push(process.memoryUsage().rss);
}
const used = process.cpuUsage(cpu);
const drawn = frames - framesBefore;
app.unmount();
fleet.stop();
await sims.stop();
rss.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    clusters,
    down: Number(values.down ?? 0),
    open: values.open === true,
    columns,
    rows,
    seconds,
    allReadMs: Math.round(allReadMs),
    cpuPercent: Math.round(((used.user + used.system) / 1000 / (seconds * 1000)) * 1000) / 10,
    rssMB: Math.round((rss[Math.floor(rss.length / 2)] ?? 0) / 1024 / 1024),
    framesPerMinute: Math.round((drawn / seconds) * 60),
  }),
);
