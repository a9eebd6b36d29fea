/**
 * `describe` for browser tests: skipped with the reason in its name when Chromium is missing
 * on a developer machine, but failing in CI, where a silent skip would hide a broken window.
 * The file's one Chromium is closed after its tests.
 */
import { afterAll, describe, it } from 'vitest';
import { chromiumUnavailable, closeBrowser } from './harness.js';

export function describeUi(name: string, body: () => void): void {
  const missing = chromiumUnavailable();
  if (!missing) {
    describe(name, () => {
      afterAll(closeBrowser);
      body();
    });
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium in CI', () => {
        throw new Error(`UI tests cannot run: ${missing}`);
      });
    });
  } else {
    describe.skip(`${name} [skipped: ${missing}]`, body);
  }
}
