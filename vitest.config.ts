import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    testTimeout: 30_000,
    // Pin the zone so any accidental dependence on the machine's zone shows up in TZ tests.
    env: { TZ: process.env.TZ ?? 'UTC' },
  },
});
