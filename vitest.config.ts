import { defineConfig } from 'vitest/config';

/**
 * Tests that need more than this process: child processes (the built CLI, npx tools),
 * Chromium, the OS keychain, packaging, promtool. Everything else is `unit`: in-process,
 * on fakes or loopback, and it must pass on macOS, Windows and Linux. A new test file is a
 * unit test unless it is listed here.
 */
const INTEGRATION = [
  'test/cli/{accounts,basics,check,demo,keychain,simulate}.test.ts',
  'test/core/secrets-keychain.test.ts',
  'test/packaging/{config,pack}.test.ts',
  'test/serve/{deploy,sigterm}.test.ts',
  'test/shell/electronegativity.test.ts',
  // Static analysis of the tree, like electronegativity: a TypeScript program per layer.
  'test/layers/probes.test.ts',
  // The window in real Chromium; the catalog and downsampling tests are plain functions.
  'test/ui/!(catalog-window|downsample).test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // electron-store imports `electron` at the top; inlining lets vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        // Threads start faster than forked processes and nothing in-process needs its own process.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION, pool: 'threads' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          // The CLI, packaging and window tests run the built output: build it once per run.
          globalSetup: ['test/setup/build.ts'],
        },
      },
    ],
  },
});
