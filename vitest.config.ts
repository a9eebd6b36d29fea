import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

import { INTEGRATION_FILES, KEYCHAIN_FILES } from './test/projects.js';

const INTEGRATION = [...INTEGRATION_FILES];
const KEYCHAIN = [...KEYCHAIN_FILES];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // vitest's default is one worker fewer than the cores: on these 2-core machines that ran
    // every file one after another (169 s). Many integration files mostly wait on a child
    // process or Chromium, so one worker per core (at least two) keeps both cores busy (132 s).
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 60_000,
    // electron-store imports `electron` at the top; inlining lets vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        // Threads start faster than forked processes and nothing in-process needs its own process.
        // Not isolated: re-importing the modules for each of ~90 files cost more than the tests
        // (47 s wall, 12 s of it import, against 18 s here). Files share a module cache, so a
        // test must not leave global state behind; the suite passes in shuffled file order.
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: INTEGRATION,
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: KEYCHAIN,
          // The CLI, packaging and window tests run the built output: build it once per run.
          // The window tests share one Chromium, launched once per run.
          globalSetup: ['test/setup/build.ts', 'test/setup/chromium.ts'],
          // Not isolated either: a fresh process per file re-imported playwright-core, the
          // engine and the simulator for each of some forty files (34 s of CPU in a 166 s run).
          // These files change no global state; the keychain files below do, so they don't share.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-keychain',
          include: KEYCHAIN,
          globalSetup: ['test/setup/build.ts'],
        },
      },
    ],
  },
});
