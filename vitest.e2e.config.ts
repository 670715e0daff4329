import { defineConfig } from 'vitest/config';

// The browser tests: the built extension (npm run build, npm run build:e2e) in Debian's Chromium.
// One file at a time, because each launches its own Chromium; timeouts are generous because a
// launch plus a page plus the panel takes seconds on a slow CI machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A browser test that fails is reported, not retried: flakiness is a bug to fix.
    retry: 0,
  },
});
