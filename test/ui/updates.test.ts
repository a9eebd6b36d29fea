import { expect, it } from 'vitest';
import type { UpdateStatus } from '../../src/shared/update-status.js';
import { describeUi } from './describe-ui.js';
import { harnessEachTest } from './harness.js';

const startHarness = harnessEachTest();

const at = Date.UTC(2026, 0, 5, 9);

describeUi('updates in Settings', () => {
  it('shows the last outcome, checks on request, follows pushed changes, and saves the settings', async () => {
    let checks = 0;
    let opened = 0;
    const status: UpdateStatus = { state: 'up-to-date', mode: 'manual', version: '1.2.0', at };
    const harness = await startHarness({
      locale: 'en-US',
      updates: {
        status: () => status,
        check: async () => {
          checks++;
          return { state: 'failed', mode: 'manual', reason: 'network', at };
        },
        openDownload: () => (opened++, true),
      },
    });
    const page = await harness.open();
    await page.getByRole('button', { name: 'Settings' }).click();
    const line = page.locator('.update-status');
    await line.getByText('EIOT Balance 1.2.0 is up to date.').waitFor();
    expect(await page.getByLabel('Check for updates automatically').isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Open the download page' }).isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Check now' }).click();
    await line.getByText('Could not check for updates: the update server could not be reached.').waitFor();
    expect(checks).toBe(1);

    await harness.push('update:changed', {
      state: 'available',
      mode: 'manual',
      version: '1.3.0',
      at,
      downloadUrl: 'https://github.com/o/r/releases/latest',
    });
    await line.getByText('Version 1.3.0 is available.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Open the download page' }).click();
    expect(opened).toBe(1);

    await page.getByLabel('Check for updates automatically').uncheck();
    await page.getByTestId('status').getByText('Settings saved.').waitFor();
    expect(harness.engine.settings().autoUpdate).toBe(false);
    await page.getByLabel('Update channel').selectOption('beta');
    await expect.poll(() => harness?.engine.settings().updateChannel).toBe('beta');
  });

  it('says in Chinese that a build run from source does not update itself', async () => {
    const harness = await startHarness({ locale: 'zh-CN' });
    const page = await harness.open();
    await page.getByRole('button', { name: '设置' }).click();
    await page
      .locator('.update-status')
      .getByText('此 EIOT Balance 副本并非从发布版本安装，因此不会自动更新。')
      .waitFor();
    expect(await page.getByRole('button', { name: '立即检查' }).isDisabled()).toBe(true);
  });
});
