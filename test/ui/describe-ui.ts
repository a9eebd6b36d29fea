/**
 * `describe` for browser tests: skipped with the reason in its name when Chromium is missing
 * on a developer machine, but failing in CI, where a silent skip would hide a broken window.
 * The file's windows, browser connection and renderer server are closed after its tests.
 */
import { afterAll, describe, it } from 'vitest';
import { chromiumUnavailable } from './chromium.js';
import { closeUi } from './harness.js';

export function describeUi(name: string, body: () => void): void {
  const missing = chromiumUnavailable();
  if (!missing) {
    describe(name, () => {
      afterAll(closeUi);
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
