/**
 * The page pulls what main queued for it once it listens (a deep link from the tray or a
 * notification) and shows what the app could not set up. The built window in real Chromium.
 */
import { expect, it } from 'vitest';
import { describeUi } from '../ui/describe-ui.js';
import { harnessEachTest } from '../ui/harness.js';

const startHarness = harnessEachTest();

describeUi('the window says it is ready', () => {
  it('opens the view main queued and shows the no-tray advice', async () => {
    const harness = await startHarness();
    let asked = 0;
    harness.handlers['window:ready'] = async () => {
      asked++;
      return { navigation: { view: 'settings' }, problems: ['no-tray'] };
    };
    const page = await harness.open();
    await page.locator('[data-nav="settings"][aria-current="page"]').waitFor();
    expect(asked).toBe(1);
    const problems = await page.getByTestId('problems').textContent();
    expect(problems).toContain('StatusNotifier');
    expect(problems).toContain('gnome-shell-extension-appindicator');
  });

  it('says when this build has no keychain support, in the chosen language', async () => {
    const harness = await startHarness({ locale: 'zh-CN' });
    harness.handlers['window:ready'] = async () => ({ navigation: null, problems: ['no-keychain-support'] });
    const page = await harness.open();
    await page.getByTestId('problems').locator('p').waitFor();
    expect(await page.getByTestId('problems').textContent()).toContain('libsecret-1-dev');
    expect(await page.getByTestId('problems').textContent()).toContain('钥匙串');
  });
});
