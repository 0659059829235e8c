// One run of a command: wall time from spawn to exit, and peak RSS as GNU time reports it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

export interface Contender {
  readonly name: string;
  readonly argv: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface Sample {
  readonly ms: number;
  /** Peak resident set in MiB; null where GNU time is not installed. */
  readonly rssMiB: number | null;
}

export function runTimed(contender: Contender): Promise<Sample> {
  const timed = existsSync(GNU_TIME);
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
      if (code !== 0) return reject(new Error(`${contender.name} exited with ${code}: ${stderr.trim().slice(-300)}`));
      const kib = timed ? Number(stderr.trim().split('\n').at(-1)) : Number.NaN;
      resolve({ ms, rssMiB: Number.isFinite(kib) ? kib / 1024 : null });
    });
  });
}
