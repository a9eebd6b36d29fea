// One Chromium for the whole integration run: each window test file connects to it instead of
// launching its own (a launch costs about a second of CPU here, and there are ten such files).
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumUnavailable, LAUNCH } from '../ui/chromium.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // `vitest --mode screenshots` sets the run's mode (each project's own stays "test").
  project.provide('screenshots', project.vitest.vite.config.mode === 'screenshots');
  // Missing: every file decides for itself to skip or (in CI) to fail, and says why.
  if (chromiumUnavailable()) {
    project.provide('chromiumEndpoint', null);
    return undefined;
  }
  // A browser that will not start fails the window tests (each file then launches its own and
  // reports why), not the CLI and packaging tests that share this project.
  const server = await chromium.launchServer(LAUNCH).catch(() => null);
  project.provide('chromiumEndpoint', server?.wsEndpoint() ?? null);
  return server ? () => server.close() : undefined;
}
