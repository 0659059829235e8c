import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end tests start HTTPS servers, kubectl and tmux; two workers match CI's two cores.
    maxWorkers: 2,
    // Colour on, so tests can see which cells are yellow or red; and CI off for Ink, which holds
    // frames back under CI.
    env: { FORCE_COLOR: '1', CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
