import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: the engine tests are CPU-bound, so more forks only fight over them.
    maxWorkers: 2,
  },
});
