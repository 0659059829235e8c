// The live screen against a simulated cluster of a given size, in this process only, as a user
// runs it: collector with watches, and the Ink screen redrawing on every snapshot. Prints one JSON
// line of figures: CPU time per poll, steady RSS, requests per second sent to the apiserver (kubelet
// reads, under their budget, and the rest), frame render time, and how long a keypress takes to
// show in the pod pane. bench/run.ts tabulates it.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { HeapPreference, preferSmallHeap } from '../src/cli/heap-preference.js';
import { RecordingWriter } from '../src/collect/recording-file.js';
import { SnapshotRecorder } from '../src/collect/snapshot-recorder.js';
import { resolveTarget } from '../src/kube/kubeconfig/resolve-target.js';
import type { RequestRecord } from '../src/kube/request-log.js';
import { DEFAULT_THRESHOLDS } from '../src/model/thresholds.js';
import { openLiveCluster } from './live-cluster.js';
import { median } from './median.js';
import { mountScreen } from './screen-harness.js';
import { startSimProcess } from './sim-process.js';

const { values } = parseArgs({
  options: { nodes: { type: 'string' }, pods: { type: 'string' }, polls: { type: 'string' }, interval: { type: 'string' } },
});
const nodes = Number(values.nodes ?? 50);
const podsPerNode = Number(values.pods ?? 30);
const polls = Number(values.polls ?? 8);
const intervalMs = Number(values.interval ?? 5000);
const trace = process.env.KMON_BENCH_TRACE !== undefined;

// The heap as the live face sets it: small until the pods are many. KMON_BENCH_HEAP=small or
// default holds one setting throughout, to measure what each costs.
const heapMode = process.env.KMON_BENCH_HEAP;
const heap = new HeapPreference();
if (heapMode === 'small') preferSmallHeap();
else if (heapMode === undefined) heap.start();
const sim = await startSimProcess(nodes, podsPerNode);
const target = resolveTarget({ kubeconfig: sim.kubeconfig, env: {}, homeDir: '/nonexistent' });
const requests: { readonly at: number; readonly kubelet: boolean }[] = [];
const log = (record: RequestRecord) => {
  const kubelet = record.path.includes('/proxy/');
  requests.push({ at: Date.now(), kubelet });
  if (trace && !kubelet) console.error(`request ${record.path.slice(0, 60)} ${Math.round(record.durationMs)} ms ${record.bytes} B`);
};
// Opened as the live face opens a cluster; a 60 s request timeout for the first 150,000-pod list.
const { connection, collector } = openLiveCluster(target, { intervalMs, requestMs: 60_000, log });

// KMON_BENCH_RECORD=FILE records the screen's snapshots as kmon --record FILE does, to measure what
// that adds: its main-thread time per poll and the bytes written are printed too.
const recordTo = process.env.KMON_BENCH_RECORD;
const recorder = recordTo
  ? new SnapshotRecorder(
      await RecordingWriter.open(recordTo, {
        kmon: 'recording',
        version: 1,
        startedAt: Date.now(),
        scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace: null },
      }),
    )
  : null;
recorder?.attach(collector);

const started = Date.now();
// As the live face does: the nodes on screen are the ones whose kubelets are read first.
const screen = mountScreen(collector, DEFAULT_THRESHOLDS, (names) => collector.prioritizeNodes(names));
collector.start();

// One sample per poll interval, taken on the clock rather than on snapshots: polls that find no
// newer metrics emit nothing new, and their cost still counts.
const samples: { at: number; cpuMs: number; rss: number; stallMs: number; recordMs: number }[] = [];
// The longest the event loop was held during each poll interval: how long a keypress could wait.
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
let firstFrameMs = 0;
// On a big cluster the first frame shows the nodes; the pods follow once listed.
let podsListedMs = 0;
const unsubscribe = collector.subscribe((snapshot) => {
  if (!firstFrameMs) firstFrameMs = Date.now() - started;
  if (!podsListedMs && snapshot.podsListed) podsListedMs = Date.now() - started;
  if (heapMode === undefined) heap.count(target.context, snapshot.pods.length);
});
// KMON_BENCH_PROFILE=FILE writes a CPU profile of the steady polls alone (not the first list).
const profile = process.env.KMON_BENCH_PROFILE ? await steadyProfile() : null;
await new Promise<void>((resolve) => {
  const wait = setInterval(() => {
    if (!firstFrameMs) return;
    clearInterval(wait);
    let cpu = process.cpuUsage();
    const tick = setInterval(() => {
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      const m = process.memoryUsage();
      const stallMs = stalls.max / 1e6;
      stalls.reset();
      samples.push({ at: Date.now(), cpuMs: (used.user + used.system) / 1000, rss: m.rss, stallMs, recordMs: recorder?.busyMs ?? 0 });
      if (podsListedMs && !profile?.started()) profile?.start();
      if (trace) {
        const mb = (n: number) => Math.round(n / 1048576);
        console.error(
          `poll ${samples.length} rss ${mb(m.rss)} MB heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} cpu ${Math.round((used.user + used.system) / 1000)} ms stall ${Math.round(stallMs)} ms`,
        );
      }
      if (samples.length >= polls) {
        clearInterval(tick);
        resolve();
      }
    }, intervalMs);
  }, 50);
});
unsubscribe();
stalls.disable();
await profile?.stop(process.env.KMON_BENCH_PROFILE ?? '');

// Keys are timed with polling stopped, so each figure is the screen's own work (sorting and
// filtering 150,000 pods); what background polls cost a keypress is the stall figure.
collector.stop();
const keyMs: number[] = [];
for (const key of ['\t', 'M', 'j', 'C', 'N', 'A', 'r', 'G', 'g']) {
  keyMs.push(await screen.press(key));
  if (trace) console.error(`key ${JSON.stringify(key)} ${Math.round(keyMs.at(-1) ?? 0)} ms`);
}
// Steady: the polls after the one in which the pod list came in (and after the first three, which
// hold the first kubelet sweep). A mean, not a median: every third poll or so also fetches the
// pod metrics, and its cost must count.
const listedAt = started + podsListedMs;
const steady = samples.slice(3).filter((s) => s.at - intervalMs > listedAt);
const windowStart = steady[0]?.at ?? started;
const windowEnd = steady.at(-1)?.at ?? Date.now();
const inWindow = requests.filter((r) => r.at > windowStart && r.at <= windowEnd);
const perSecond = (count: number) => Math.round((count / Math.max(1, (windowEnd - windowStart) / 1000)) * 10) / 10;
await recorder?.stop();
connection.close();
screen.unmount();
await sim.stop();
console.log(
  JSON.stringify({
    nodes,
    pods: nodes * podsPerNode,
    firstFrameMs,
    podsListedMs,
    steadyPolls: steady.length,
    cpuPerPollMs: Math.round(steady.reduce((sum, s) => sum + s.cpuMs, 0) / Math.max(1, steady.length)),
    steadyRssMB: Math.round(median(steady.slice(-3).map((s) => s.rss)) / 1048576),
    peakRssMB: Math.round(Math.max(...samples.map((s) => s.rss)) / 1048576),
    kubeletPerSecond: perSecond(inWindow.filter((r) => r.kubelet).length),
    otherPerSecond: perSecond(inWindow.filter((r) => !r.kubelet).length),
    frameMs: Math.round(median(screen.frames.slice(1)) * 10) / 10,
    keyMs: Math.round(median(keyMs) * 10) / 10,
    keyWorstMs: Math.round(Math.max(...keyMs)),
    stallMs: Math.round(Math.max(...steady.map((s) => s.stallMs))),
    ...(recorder
      ? {
          recordMsPerPoll: Math.round(((steady.at(-1)?.recordMs ?? 0) - (steady[0]?.recordMs ?? 0)) / Math.max(1, steady.length - 1)),
          recordedMB: Math.round((recorder.bytes / 1048576) * 10) / 10,
        }
      : {}),
  }),
);

/** A CPU profile started when the steady polls begin, through the inspector of this process. */
async function steadyProfile() {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  let started = false;
  return {
    started: () => started,
    start: () => {
      started = true;
      void session.post('Profiler.start');
    },
    stop: async (file: string) => {
      if (!started) return;
      const { profile: data } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(data));
      session.disconnect();
    },
  };
}
