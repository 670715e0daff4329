import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest wires WXT's fake browser and aliases, so units run without Chromium. The browser
// tests (tests/e2e) run the built extension in real Chromium under their own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/support/setup-unit.ts'],
    testTimeout: 20_000,
  },
});
