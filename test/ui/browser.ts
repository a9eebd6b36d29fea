/** This test file's browser and what the run asks of it (see test/ui/chromium.ts). */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { LAUNCH } from './chromium.js';

let browser: Promise<Browser> | null = null;

/** This file's connection to the run's Chromium (or its own Chromium), opened once. */
export function sharedBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  browser ??= endpoint ? chromium.connect(endpoint) : chromium.launch(LAUNCH);
  return browser;
}

/** Disconnects from the shared browser (closing this file's contexts), or closes its own. */
export async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  await (await open)?.close();
}

/** Whether this run writes the screenshots to test/artifacts/ (`npm run test:ui`). */
export function screenshotsWanted(): boolean {
  return inject('screenshots') === true;
}
