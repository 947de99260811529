import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/browser/ has its own config (npm run test:browser).
    exclude: ['test/browser/**'],
    // Tests that spawn bin/bianmin.js run dist/: rebuild it when src/ is newer. Temp directories
    // go under one per run, removed at its end.
    globalSetup: ['test/cli/build-dist.ts', 'test/support/temp-root.ts'],
    // Files share one module graph per worker: isolated, each would import and compile the pack
    // schemas and the service again, about half of the suite's CPU time. Tests share no state but
    // what they make themselves (temp pack copies, fresh data directories, their own services).
    isolate: false,
    // Both cores: vitest's default (cores − 1) is one worker on the 2-core machines we run on.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Hooks start services (a pack load, the records); on a busy 2-core machine that can pass 10 s.
    hookTimeout: 30_000,
    // Pin the zone so any accidental dependence on the machine's zone shows up in TZ tests.
    env: { TZ: process.env.TZ ?? 'UTC' },
  },
});
