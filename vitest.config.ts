import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end tests start HTTPS servers, kubectl and tmux; two workers match CI's two cores.
    maxWorkers: 2,
  },
});
