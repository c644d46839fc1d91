import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Two projects, one command (`npm test` runs both):
 * - unit: in-process tests (pure logic with injected clocks, fakeBrowser + fake-indexeddb, the sandbox's
 *   contract tests and the client against a sandbox on loopback).
 * - e2e: puppeteer drives the built extension (`npm run build:test`) in Chromium and Firefox ESR.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/sandbox/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
          testTimeout: 20_000,
          // Vitest's default (one worker less than the cores) is a single worker on a 2-core machine, which
          // leaves a core idle: these files spend more time starting (imports, environment) than testing.
          maxWorkers: Math.max(2, availableParallelism() - 1),
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Browsers are heavy on two cores: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
