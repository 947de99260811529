import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Temp directories (and Chromium's profiles) under one per run, removed at its end.
    globalSetup: ['test/support/temp-root.ts'],
  },
});
