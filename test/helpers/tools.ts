import { execFileSync } from 'node:child_process';

/** Whether a program is on PATH; tests that need one say so when it is missing instead of failing obscurely. */
export function hasTool(name: string, versionArgs: readonly string[] = ['--version']): boolean {
  try {
    execFileSync(name, versionArgs, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
