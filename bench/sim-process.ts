// The simulated cluster in a process of its own, so its CPU and memory never mix with what a
// benchmark measures.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

// Benchmarks run from the project root (npm run bench), bundled or not.
export const ROOT = process.cwd();
export const KMON = path.join(ROOT, 'bin', 'kmon.js');

export interface SimProcess {
  readonly kubeconfig: string;
  stop(): Promise<void>;
}

export function startSimProcess(nodes: number, podsPerNode: number, extra: readonly string[] = []): Promise<SimProcess> {
  return startServing([
    '--max-old-space-size=8192',
    KMON,
    'sim',
    '--nodes',
    String(nodes),
    '--pods-per-node',
    String(podsPerNode),
    ...extra,
  ]);
}

/** A child process (node with `args`) that serves simulated clusters and prints their kubeconfig. */
export async function startServing(args: readonly string[]): Promise<SimProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const kubeconfig = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /kubeconfig: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`kmon sim exited with ${code}`)));
  });
  return {
    kubeconfig,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
