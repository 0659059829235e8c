// `kmon status` is what tmux runs every few seconds: its wall time and peak memory beside
// `kubectl top nodes`, beside a bare Node.js script making the same two GETs (the floor for any
// Node.js program), and beside `node -e 0`, all against one simulated cluster in a process of its
// own so that its CPU never mixes with what is measured. Medians of interleaved runs.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// KMON_BENCH_KMON=/other/checkout/bin/kmon.js measures another build, to compare before and after.
const KMON = process.env.KMON_BENCH_KMON ?? path.join(ROOT, 'bin', 'kmon.js');
const BARE = path.join(ROOT, 'bench', 'bare-client.cjs');
const GNU_TIME = '/usr/bin/time';
const WARMUPS = 2;
const RUNS = Number(process.env.KMON_BENCH_RUNS ?? 15);
// kmon status must stay within this multiple of the bare script.
const TARGET_RATIO = 1.3;

interface Contender {
  readonly name: string;
  readonly argv: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

interface Sample {
  readonly ms: number;
  /** Peak resident set in MiB; null where GNU time is not installed. */
  readonly rssMiB: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function onPath(tool: string, args: readonly string[]): boolean {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `kmon sim` in its own process; resolves with the kubeconfig it wrote. */
async function startSim(): Promise<{ kubeconfig: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [KMON, 'sim', '--nodes', '6', '--pods-per-node', '8'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kubeconfig = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /^kubeconfig: (\S+)$/m.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`kmon sim exited with ${code}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { kubeconfig, stop };
}

/** One run: wall time from spawn to exit, and peak RSS as GNU time reports it (%M, KiB). */
function runOnce(contender: Contender, timed: boolean): Promise<Sample> {
  const [file, ...args] = timed ? [GNU_TIME, '-f', '%M', ...contender.argv] : contender.argv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file ?? '', args, { env: { ...process.env, ...contender.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${contender.name} exited with ${code}: ${stderr.trim()}`));
      const kib = timed ? Number(stderr.trim().split('\n').at(-1)) : Number.NaN;
      resolve({ ms, rssMiB: Number.isFinite(kib) ? kib / 1024 : null });
    });
  });
}

const sim = await startSim();
try {
  // A cache with disk figures read just now: no run below falls due for a background disk refresh.
  const cache = mkdtempSync(path.join(tmpdir(), 'kmon-bench-'));
  const statusEnv = { XDG_CACHE_HOME: cache, TMUX: '', LANG: 'C.UTF-8' };
  execFileSync(process.execPath, [KMON, 'status', '--kubeconfig', sim.kubeconfig, '--refresh-disk'], {
    env: { ...process.env, ...statusEnv },
    stdio: 'ignore',
  });
  const contenders: Contender[] = [
    { name: 'kmon status', argv: [process.execPath, KMON, 'status', '--kubeconfig', sim.kubeconfig, '--format', 'tmux'], env: statusEnv },
    { name: 'bare Node.js GETs', argv: [process.execPath, BARE, sim.kubeconfig] },
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
  ];
  if (onPath('kubectl', ['version', '--client'])) {
    // Its own cache directory: discovery is cached after the warm-ups, as on any workstation.
    const kubectlCache = mkdtempSync(path.join(tmpdir(), 'kmon-bench-kubectl-'));
    contenders.push({
      name: 'kubectl top nodes',
      argv: ['kubectl', '--kubeconfig', sim.kubeconfig, '--cache-dir', kubectlCache, 'top', 'nodes'],
    });
  }
  const timed = existsSync(GNU_TIME);
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  // Interleaved, so a slow moment of the machine falls on every contender alike.
  for (let round = 0; round < WARMUPS + RUNS; round++) {
    for (const contender of contenders) {
      const sample = await runOnce(contender, timed);
      if (round >= WARMUPS) samples.get(contender.name)?.push(sample);
    }
  }
  const summary = contenders.map((c) => {
    const runs = samples.get(c.name) ?? [];
    const rss = runs.flatMap((s) => (s.rssMiB === null ? [] : [s.rssMiB]));
    return { name: c.name, ms: median(runs.map((s) => s.ms)), rssMiB: rss.length ? median(rss) : null };
  });
  const bare = summary.find((s) => s.name === 'bare Node.js GETs')?.ms ?? Number.NaN;
  console.log(`\nkmon status: median of ${RUNS} runs after ${WARMUPS} warm-ups, 6-node simulated cluster\n`);
  console.log(`${'command'.padEnd(20)}${'wall ms'.padStart(10)}${'peak RSS MiB'.padStart(15)}${'× bare'.padStart(9)}`);
  for (const s of summary) {
    const rss = s.rssMiB === null ? 'n/a' : s.rssMiB.toFixed(1);
    console.log(`${s.name.padEnd(20)}${s.ms.toFixed(1).padStart(10)}${rss.padStart(15)}${(s.ms / bare).toFixed(2).padStart(9)}`);
  }
  const ratio = (summary[0]?.ms ?? Number.NaN) / bare;
  console.log(`\nkmon status / bare script: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})${ratio > TARGET_RATIO ? '  OVER TARGET' : ''}`);
} finally {
  await sim.stop();
}
