import { rmSync } from 'node:fs';

// The run's $XDG_STATE_HOME (vitest.config.ts), where the live screens the tests start keep their
// history: removed when the run ends, so runs never see each other's.
export function teardown(): void {
  const dir = process.env.KMON_TEST_STATE_HOME;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
