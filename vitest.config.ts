import { tmpdir } from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// The tests' environment below turns CI off for Ink, so the real value is read here and passed on
// under another name: on CI, tests that need the real captures fail when they are missing.
const ci = process.env.CI ?? '';

// The live screen keeps its history under $XDG_STATE_HOME: a run's tests share a directory of their
// own, never the user's, removed when the run ends (test/helpers/state-home.ts).
const stateHome = path.join(tmpdir(), `kmon-test-state-${process.pid}`);
process.env.KMON_TEST_STATE_HOME = stateHome;

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end tests start HTTPS servers, kubectl and tmux; two workers match CI's two cores.
    maxWorkers: 2,
    // Colour on, so tests can see which cells are yellow or red; and CI off for Ink, which holds
    // frames back under CI.
    env: { FORCE_COLOR: '1', CI: 'false', CONTINUOUS_INTEGRATION: 'false', KMON_TEST_CI: ci, XDG_STATE_HOME: stateHome },
    globalSetup: ['./test/helpers/state-home.ts'],
    // vitest counts skipped tests but does not say why; the second reporter does, after the summary.
    reporters: ['default', './test/helpers/skip-reasons-reporter.ts'],
    projects: [
      {
        extends: true,
        // In-process: pure code, components, and the simulator over loopback HTTPS. Needs no build.
        test: { name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, 'test/e2e/**'] },
      },
      {
        extends: true,
        // The built kmon (dist/) in child processes, real tmux sessions, kubectl.
        test: { name: 'e2e', include: ['test/e2e/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
