import { expect, it } from 'vitest';
import { describeUi } from './describe-ui.js';
import { harnessEachTest } from './harness.js';

const startHarness = harnessEachTest();

describeUi('language', () => {
  it('follows the system locale until the setting says otherwise', async () => {
    const harness = await startHarness({ locale: 'zh-CN' });
    const page = await harness.open();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('欢迎使用 EIOT Balance');

    await page.getByRole('button', { name: '设置' }).click();
    await page.getByLabel('语言').focus();
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-nav]').allTextContents()).toEqual(['Balances', 'Accounts', 'Settings']);
    expect(harness.engine.settings().language).toBe('en');
    // The picker kept keyboard focus through the re-render.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('language');

    await page.getByLabel('Language').selectOption('system');
    await page.getByRole('heading', { name: '设置' }).waitFor();
  });

  it('switches when main pushes a settings change (e.g. from the tray)', async () => {
    const harness = await startHarness({ locale: 'en-US' });
    const page = await harness.open();
    harness.engine.updateSettings({ language: 'zh-CN' });
    await page.getByRole('heading', { name: '欢迎使用 EIOT Balance' }).waitFor();
    expect(await page.title()).toBe('EIOT Balance');
  });

  it('shows the menu-bar option only on macOS', async () => {
    let harness = await startHarness({ platform: 'linux' });
    const page = await harness.open();
    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByLabel('Show notifications').isChecked()).toBe(true);
    expect(await page.getByLabel('Show the balance in the menu bar').count()).toBe(0);
    await page.getByLabel('Open at login').check();
    await page.getByTestId('status').getByText('Settings saved.').waitFor();
    expect(harness.engine.settings().launchAtLogin).toBe(true);
    await harness.close();

    harness = await startHarness({ platform: 'darwin' });
    const mac = await harness.open();
    await mac.getByRole('button', { name: 'Settings' }).click();
    expect(await mac.getByLabel('Show the balance in the menu bar').isChecked()).toBe(true);
  });
});
