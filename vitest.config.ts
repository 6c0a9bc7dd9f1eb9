import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Real-engine suites share one Docker host; files run in parallel, but each uses its own names.
    fileParallelism: true,
    reporters: ['default'],
  },
});
