// How big an hour's recording is: kmon record's collector (watches, kubelet reads every 30 s,
// metrics every 15 s, a poll every 5 s) on a 50 × 30 simulated cluster for one hour of simulated
// time, with the sim and this process on the same clock run `speed` times faster than the wall's
// (time-warp.ts), so the hour takes minutes. Prints one JSON line: size, frames, and the recorder's
// main-thread time per frame.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { liveCollector } from '../src/collect/live-collector.js';
import { RecordingWriter } from '../src/collect/recording-file.js';
import { SnapshotRecorder } from '../src/collect/snapshot-recorder.js';
import { connect } from '../src/kube/connect.js';
import { resolveTarget } from '../src/kube/kubeconfig/resolve-target.js';
import { warpTime } from './time-warp.js';

const { values } = parseArgs({
  options: { nodes: { type: 'string' }, pods: { type: 'string' }, minutes: { type: 'string' }, speed: { type: 'string' } },
});
const nodes = Number(values.nodes ?? 50);
const pods = Number(values.pods ?? 30);
const minutes = Number(values.minutes ?? 60);
const speed = Number(values.speed ?? 15);
const epoch = Date.now();

const here = path.dirname(new URL(import.meta.url).pathname);
const simFile = process.argv[1]?.endsWith('.mjs') ? path.join(here, 'warped-sim.mjs') : path.join(here, 'warped-sim.ts');
const sim = spawn(
  process.execPath,
  [
    ...(simFile.endsWith('.ts') ? ['--import', 'tsx'] : []),
    simFile,
    '--nodes',
    String(nodes),
    '--pods',
    String(pods),
    '--speed',
    String(speed),
    '--epoch',
    String(epoch),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const kubeconfig = await new Promise<string>((resolve, reject) => {
  let out = '';
  sim.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /kubeconfig: (\S+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  sim.on('exit', (code) => reject(new Error(`the warped sim exited with ${code}`)));
});

warpTime(speed, epoch);
const dir = mkdtempSync(path.join(tmpdir(), 'kmon-bench-recording-'));
const file = path.join(dir, 'hour.kmon');
const target = resolveTarget({ kubeconfig, env: {}, homeDir: '/nonexistent' });
const connection = connect(target, { requestMs: 60_000, kubeletMs: 4_000 });
const scope = { context: target.context, cluster: target.clusterName, server: target.server, namespace: null };
const collector = liveCollector({ reader: connection.client, scope, intervalMs: 5_000, kubelet: { qps: 20, burst: 100, concurrency: 8 } });
const recorder = new SnapshotRecorder(await RecordingWriter.open(file, { kmon: 'recording', version: 1, startedAt: Date.now(), scope }));
recorder.attach(collector);
const cpu = process.cpuUsage();
collector.start();
await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
collector.stop();
await recorder.stop();
const used = process.cpuUsage(cpu);
connection.close();
sim.kill('SIGTERM');
const span = recorder.span();
console.log(
  JSON.stringify({
    nodes,
    pods: nodes * pods,
    recordedMinutes: span ? Math.round((span.to - span.from) / 6000) / 10 : 0,
    frames: recorder.frames,
    bytes: statSync(file).size,
    recorderMsPerFrame: Math.round((recorder.busyMs / Math.max(1, recorder.frames)) * 100) / 100,
    processCpuMs: Math.round((used.user + used.system) / 1000),
  }),
);
rmSync(dir, { recursive: true, force: true });
