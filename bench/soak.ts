// npm run soak [-- --minutes 3 --interval 1000]: the live screen's collector (WatchInventory, as
// src/cli/run-live.ts wires it) against the simulated cluster while faults switch on and off. It
// prints heap and RSS over time, with the faults seen and the requests that failed, and says
// whether memory levelled off. Bounded: it stops after --minutes.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { dump as stringify } from 'js-yaml';
import { liveCollector } from '../src/collect/live-collector.js';
import { connect } from '../src/kube/connect.js';
import { resolveTarget } from '../src/kube/kubeconfig/resolve-target.js';
import type { RequestRecord } from '../src/kube/request-log.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { NO_FAULTS } from '../src/sim/faults.js';
import { soakSteps } from './soak-faults.js';
import { scratchDir } from './tools.js';

const { values } = parseArgs({ options: { minutes: { type: 'string' }, interval: { type: 'string' } } });
// Four minutes see every fault at least once and the first ones again.
const durationMs = Number(values.minutes ?? 4) * 60_000;
const intervalMs = Number(values.interval ?? 1000);
const FAULT_MS = 6_000;
const HEALTHY_MS = 4_000;
const SAMPLE_MS = 10_000;
const MiB = 1024 * 1024;

interface SimHello {
  readonly url: string;
  readonly caPem: string;
  readonly token: string;
  readonly nodes: readonly string[];
}

/** The sim in its own process; answers arrive as JSON lines. */
function startSimProcess(): { child: ChildProcess; answers: AsyncIterator<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'soak-sim.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('no stdout from the sim');
  return { child, answers: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

async function nextAnswer<T>(answers: AsyncIterator<string>): Promise<T> {
  const next = await answers.next();
  if (next.done) throw new Error('the sim ended');
  return JSON.parse(next.value) as T;
}

/** A kubeconfig whose token lives in a file, so a rotated token is picked up after the 401. */
function kubeconfigFor(hello: SimHello, dir: string): { file: string; tokenFile: string } {
  const tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, hello.token);
  const file = path.join(dir, 'kubeconfig');
  const cluster = { server: hello.url, 'certificate-authority-data': Buffer.from(hello.caPem).toString('base64') };
  writeFileSync(
    file,
    stringify({
      clusters: [{ name: 'sim', cluster }],
      users: [{ name: 'soak', user: { tokenFile } }],
      contexts: [{ name: 'sim', context: { cluster: 'sim', user: 'soak' } }],
      'current-context': 'sim',
    }),
  );
  return { file, tokenFile };
}

/** Failed requests by what went wrong: the HTTP status, or "network" for no answer. */
const failures = new Map<string, number>();
function countFailure(record: RequestRecord): void {
  if (!record.error) return;
  const key = record.status === null ? 'network' : String(record.status);
  failures.set(key, (failures.get(key) ?? 0) + 1);
}

const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number) => (bytes / MiB).toFixed(1).padStart(7);

const sim = startSimProcess();
const hello = await nextAnswer<SimHello>(sim.answers);
const dir = scratchDir('kmon-soak-');
const { file, tokenFile } = kubeconfigFor(hello, dir);
const target = resolveTarget({ kubeconfig: file, env: {}, homeDir: '/nonexistent' });
let requests = 0;
const connection = connect(target, { requestMs: 5_000, kubeletMs: 2_000 }, (record) => {
  requests++;
  countFailure(record);
});
const collector = liveCollector({
  reader: connection.client,
  scope: { context: target.context, cluster: target.clusterName, server: target.server, namespace: null },
  intervalMs,
  kubelet: { qps: 20, burst: 50, concurrency: 8 },
});
let latest: Snapshot | null = null;
let snapshots = 0;
const problemKinds = new Set<string>();
collector.subscribe((snapshot) => {
  latest = snapshot;
  snapshots++;
  for (const p of snapshot.problems) problemKinds.add(`${p.source}:${p.kind}`);
});
collector.start();

const steps = soakSteps(hello.nodes);
const send = (order: unknown) => sim.child.stdin?.write(`${JSON.stringify(order)}\n`);
let stepIndex = 0;
// The faults switched on since the last sample, for its line of the table.
let recent: string[] = [];
async function faultCycle(): Promise<void> {
  const step = steps[stepIndex++ % steps.length];
  if (!step) return;
  recent.push(step.name);
  send({ faults: step.faults });
  if (step.rotateToken) {
    send({ rotateToken: true });
    writeFileSync(tokenFile, (await nextAnswer<{ token: string }>(sim.answers)).token);
  }
  await new Promise((resolve) => setTimeout(resolve, FAULT_MS));
  send({ faults: NO_FAULTS });
}

interface Sample {
  readonly at: number;
  readonly heap: number;
  readonly rss: number;
}
const samples: Sample[] = [];
const started = Date.now();
console.log(
  `soak: ${(durationMs / 60_000).toFixed(1)} min, poll every ${intervalMs} ms, ${hello.nodes.length} nodes, faults ${FAULT_MS / 1000}s on / ${HEALTHY_MS / 1000}s off`,
);
console.log(`${gc ? 'heap after a full GC' : 'heap without a forced GC (run with --expose-gc for steadier figures)'}`);
console.log('   time  heap MiB   RSS MiB  frames  requests  failed  nodes  pods  history  faults in this spell');
const sampler = setInterval(() => {
  gc?.();
  const memory = process.memoryUsage();
  const at = Date.now() - started;
  samples.push({ at, heap: memory.heapUsed, rss: memory.rss });
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  const s = latest as Snapshot | null;
  const history = s ? s.history.nodeUsage.size + s.history.podUsage.size : 0;
  console.log(
    `${`${Math.round(at / 1000)}s`.padStart(7)} ${mib(memory.heapUsed)}   ${mib(memory.rss)}  ${String(snapshots).padStart(6)}  ${String(requests).padStart(8)}  ${String(failed).padStart(6)}  ${String(s?.nodes.length ?? 0).padStart(5)}  ${String(s?.pods.length ?? 0).padStart(4)}  ${String(history).padStart(7)}  ${recent.join(', ') || '-'}`,
  );
  recent = [];
}, SAMPLE_MS);

while (Date.now() - started < durationMs) {
  await faultCycle();
  await new Promise((resolve) => setTimeout(resolve, HEALTHY_MS));
}
clearInterval(sampler);
collector.stop();
connection.close();
sim.child.stdin?.end();
await new Promise((resolve) => sim.child.once('exit', resolve));

// Memory levels off when the last third of the run sits where the first third (after warm-up) did.
const third = Math.max(1, Math.floor(samples.length / 3));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const early = samples.slice(1, 1 + third);
const late = samples.slice(-third);
const heapGrowth = median(late.map((s) => s.heap)) - median(early.map((s) => s.heap));
const rssGrowth = median(late.map((s) => s.rss)) - median(early.map((s) => s.rss));
console.log('');
// A 200 that failed was cut or garbled mid-body.
console.log(`failed requests by status: ${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'}`);
console.log(`problems shown: ${[...problemKinds].sort().join(', ') || 'none'}`);
console.log(
  `heap: early median ${mib(median(early.map((s) => s.heap))).trim()} MiB, late ${mib(median(late.map((s) => s.heap))).trim()} MiB (${heapGrowth >= 0 ? '+' : ''}${(heapGrowth / MiB).toFixed(1)} MiB)`,
);
console.log(
  `RSS:  early median ${mib(median(early.map((s) => s.rss))).trim()} MiB, late ${mib(median(late.map((s) => s.rss))).trim()} MiB (${rssGrowth >= 0 ? '+' : ''}${(rssGrowth / MiB).toFixed(1)} MiB)`,
);
const levelled = heapGrowth < 8 * MiB;
console.log(levelled ? 'memory levelled off' : 'memory kept growing');
process.exitCode = levelled ? 0 : 1;
