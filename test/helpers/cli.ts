// Runs the built kmon (bin/kmon.js → dist/) as a user would, capturing output and exit status.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KMON = path.join(ROOT, 'bin', 'kmon.js');

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

export function kmon(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs?: number): Promise<Ran> {
  return run(process.execPath, [KMON, ...args], env, timeoutMs);
}

/** Rows of a kubectl-style table as cells split on runs of 2+ spaces... or more precisely on whitespace. */
export function tableRows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/));
}
