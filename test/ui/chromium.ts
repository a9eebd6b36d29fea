/**
 * Where the window tests get their Chromium. One browser serves the whole run: the
 * integration project's global set-up (test/setup/chromium.ts) launches it and hands each
 * test file its endpoint, because every launch costs a second of CPU on these small machines.
 * A file run without that set-up (another project, an editor plug-in) launches its own
 * (test/ui/browser.ts). This module is also loaded by the set-up, outside any test: no vitest runtime here.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Why the UI tests cannot run here, or null. In CI a missing browser is a failure, not a skip. */
export function chromiumUnavailable(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `${CHROMIUM_PATH} not found (apt-get install chromium)`;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared Chromium, or null when the set-up found none to launch. */
    chromiumEndpoint: string | null;
    /** `npm run test:ui` (vitest --mode screenshots): write the screenshots for a human. */
    screenshots: boolean;
  }
}
