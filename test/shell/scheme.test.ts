/**
 * The app scheme's file server (protocol.handle's handler): the built renderer and nothing
 * else, every answer with the CSP header. The header is then shown to hold in real Chromium
 * on its own, with no meta tag in the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/csp.js';
import { APP_SCHEME, PAGE_URL, serveAppFiles } from '../../src/main/shell/scheme.js';
import { describeUi } from '../ui/describe-ui.js';
import { sharedBrowser } from '../ui/browser.js';

const serve = serveAppFiles('dist/renderer');
const get = (url: string) => serve(new Request(url));

describe('the app scheme handler', () => {
  test('serves the page with its type, the CSP and nosniff', async () => {
    const response = await get(PAGE_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<div id="app">');
    expect((await get(`${APP_SCHEME}://app/app.js`)).headers.get('Content-Type')).toMatch(/^text\/javascript/);
  });

  test.each([
    `${APP_SCHEME}://app/../../package.json`,
    `${APP_SCHEME}://app/%2e%2e/%2e%2e/package.json`,
    `${APP_SCHEME}://app/..%2f..%2fpackage.json`,
    `${APP_SCHEME}://app/missing.js`,
    `${APP_SCHEME}://app/app.js.map`,
    `${APP_SCHEME}://other/index.html`,
    `${APP_SCHEME}://app/%E0%A4%A`,
  ])('refuses %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });
});

const work = mkdtempSync(path.join(tmpdir(), 'eiot-scheme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeUi('the CSP header in Chromium', () => {
  it('alone (no meta tag) it blocks an inline script and allows the page’s own', async () => {
    writeFileSync(
      path.join(work, 'index.html'),
      '<!doctype html><script>window.inline = true</script><script src="own.js"></script>',
    );
    writeFileSync(path.join(work, 'own.js'), 'window.own = true;');
    const handler = serveAppFiles(work);
    const context = await (await sharedBrowser()).newContext();
    try {
      const page = await context.newPage();
      // Chromium here has no app scheme: an https origin stands in, answered by the same handler.
      await page.route('https://app/**', async (route) => {
        const url = route
          .request()
          .url()
          .replace(/^https:/, `${APP_SCHEME}:`);
        const response = await handler(new Request(url));
        await route.fulfill({
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body: Buffer.from(await response.arrayBuffer()),
        });
      });
      const violations: string[] = [];
      page.on('console', (message) => violations.push(message.text()));
      await page.goto('https://app/index.html');
      expect(await page.evaluate(() => (window as unknown as { own?: boolean }).own)).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { inline?: boolean }).inline)).toBeUndefined();
      expect(violations.join('\n')).toMatch(/Content Security Policy/);
    } finally {
      await context.close();
    }
  });
});
