import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate, type MessageKey } from '../../src/shared/i18n/index.js';
import { TEST_ACCOUNT } from '../helpers/simulator.js';
import { describeUi } from './describe-ui.js';
import { harnessEachTest } from './harness.js';

const startHarness = harnessEachTest();

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

/** The error line under a field, or null when it shows none. */
async function errorOf(page: Page, field: string): Promise<string | null> {
  const error = page.locator(`[data-field="${field}"] .field-error`);
  return (await error.isHidden()) ? null : error.textContent();
}

async function enter(page: Page, field: string, value: string): Promise<void> {
  const input = page.locator(`[data-field="${field}"] input`);
  await input.fill(value);
  await input.blur();
}

describeUi('the account form', () => {
  it('checks thresholds as the user types, beside the field', async () => {
    const harness = await startHarness();
    const page = await harness.open();

    // Any number of decimals is an amount now; a second point is not.
    await enter(page, 'lowThreshold', '12.3.4');
    expect(await errorOf(page, 'lowThreshold')).toBe(en('account.error.thresholdFormat'));
    const low = page.locator('[data-field="lowThreshold"] input');
    expect(await low.getAttribute('aria-invalid')).toBe('true');
    const errorId = await page.locator('[data-field="lowThreshold"] .field-error').getAttribute('id');
    expect(await low.getAttribute('aria-describedby')).toContain(errorId);

    await enter(page, 'lowThreshold', '-5');
    expect(await errorOf(page, 'lowThreshold')).toBe(en('account.error.thresholdNegative'));

    await enter(page, 'lowThreshold', '100');
    expect(await errorOf(page, 'lowThreshold')).toBeNull();
    expect(await low.getAttribute('aria-invalid')).toBeNull();

    await enter(page, 'criticalThreshold', '150');
    expect(await errorOf(page, 'criticalThreshold')).toBe(en('account.error.criticalAboveLow'));
    // Once shown, the error follows every keystroke: no need to leave the field again.
    await page.locator('[data-field="criticalThreshold"] input').fill('50.5');
    expect(await errorOf(page, 'criticalThreshold')).toBeNull();
  });

  it('refuses to save with problems, says where, and puts focus on the first one', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await page.getByText('Advanced').click();
    await enter(page, 'baseUrl', 'http://example.com');

    await page.getByRole('button', { name: 'Add account' }).click();
    expect(await errorOf(page, 'appkey')).toBe(en('account.error.required'));
    expect(await errorOf(page, 'baseUrl')).toBe(en('account.error.baseUrl.insecure'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('appkey');
    expect(await page.getByTestId('alert').textContent()).toBe(en('error.validation'));
    expect(harness.engine.snapshot().accounts).toHaveLength(0);
  });

  it('asks for the secret before a test call, and says so at the secret field', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await page.getByLabel('Appkey').fill(TEST_ACCOUNT.appkey);
    await page.getByRole('button', { name: 'Test connection' }).click();
    expect(await errorOf(page, 'secret')).toBe(en('window.form.secretNeeded'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('secret');
    expect(harness.simulator.calls).toBe(0);
  });

  it('can be filled and submitted with the keyboard alone, focus always visible', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
        const style = getComputedStyle(
          element.matches('input[type="radio"]') ? (element.nextElementSibling as HTMLElement) : element,
        );
        return {
          name: labelled ?? element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '',
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });

    const order: string[] = [];
    for (let step = 0; step < 14; step += 1) {
      await page.keyboard.press('Tab');
      const { name, visible } = await focused();
      order.push(name);
      expect(visible, `focus ring on ${name}`).toBe(true);
    }
    expect(order).toEqual([
      'Skip to content',
      'Balances',
      'Accounts',
      'Settings',
      'Name',
      'Appkey',
      'Secret',
      'Warn below',
      'Critical below',
      'Check',
      'Check this account automatically',
      'Advanced',
      'Test connection',
      'Add account',
    ]);

    // Back to the top of the form and fill it in, keys only.
    for (let step = 0; step < 9; step += 1) await page.keyboard.press('Shift+Tab');
    expect((await focused()).name).toBe('Name');
    await page.keyboard.type('Shop');
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_ACCOUNT.appkey);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_ACCOUNT.secret);
    await page.keyboard.press('Tab');
    await page.keyboard.type('80');
    await page.keyboard.press('Tab');
    await page.keyboard.type('20');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused()).name).toBe('Advanced');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused()).name).toBe('API base URL');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(harness.simulator.url);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('test-result').getByText('Connection works').waitFor();
    expect((await focused()).name).toBe('Test connection');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.locator('[data-view="overview"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(harness.engine.snapshot().accounts[0]).toMatchObject({
      label: 'Shop',
      lowThreshold: '80.00',
      criticalThreshold: '20.00',
      baseUrl: harness.simulator.url,
      hasSecret: true,
    });
  });

  it("shows main's own refusal at the field it concerns", async () => {
    const harness = await startHarness();
    const page = await harness.open();
    // Another surface (the CLI, a second window) takes the name; the push has not arrived yet.
    harness.holdPushes();
    await harness.engine.addAccount({
      label: 'Shop',
      appkey: 'other-key',
      baseUrl: harness.simulator.url,
      pollIntervalSec: 300,
      enabled: false,
    });

    await page.getByLabel('Name').fill('shop');
    await page.getByLabel('Appkey').fill(TEST_ACCOUNT.appkey);
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.locator('[data-field="label"] .field-error:not([hidden])').waitFor();
    expect(await errorOf(page, 'label')).toBe(en('account.error.labelTaken'));
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('label');
    expect(harness.engine.snapshot().accounts).toHaveLength(1);

    // Editing the field clears main's verdict; the window's own rule now knows the name too.
    await harness.releasePushes();
    await page.getByLabel('Name').fill('Shop 2');
    expect(await errorOf(page, 'label')).toBeNull();
  });

  it('offers the interval as a choice of minutes and hours, only valid ones', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    const options = await page
      .locator('[data-field="pollIntervalSec"] option')
      .evaluateAll((all) => all.map((option) => [(option as HTMLOptionElement).value, option.textContent]));
    expect(options[0]).toEqual(['60', 'Every minute']);
    expect(options).toContainEqual(['300', 'Every 5 minutes']);
    expect(options).toContainEqual(['3600', 'Every hour']);
    expect(options.at(-1)).toEqual(['86400', 'Every 24 hours']);
    expect(await page.locator('[data-field="pollIntervalSec"] select').inputValue()).toBe('300');
  });

  it('suggests thresholds from the balance once the connection test read it; the user can clear them', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await page.getByLabel('Appkey').fill(TEST_ACCOUNT.appkey);
    await page.getByLabel('Secret', { exact: true }).fill(TEST_ACCOUNT.secret);
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(harness.simulator.url);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('test-result').getByText('Connection works').waitFor();
    expect(await page.getByLabel('Warn below').inputValue()).toBe('200.00');
    expect(await page.getByLabel('Critical below').inputValue()).toBe('100.00');
    expect(await page.locator('.thresholds .field-hint').first().textContent()).toContain('Suggested');
    await page.getByLabel('Critical below').fill('');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.locator('[data-view="overview"]').waitFor();
    const [account] = harness.engine.snapshot().accounts;
    expect(account?.lowThreshold).toBe('200.00');
    expect(account?.criticalThreshold).toBeUndefined();
  });

  it('clears "Some fields need attention" once the fields are right and the test succeeds', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await page.getByRole('button', { name: 'Add account' }).click();
    expect(await page.getByTestId('alert').textContent()).toBe(en('error.validation'));
    await page.getByLabel('Appkey').fill(TEST_ACCOUNT.appkey);
    await page.getByLabel('Secret', { exact: true }).fill(TEST_ACCOUNT.secret);
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(harness.simulator.url);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('test-result').getByText('Connection works').waitFor();
    expect(await page.getByTestId('alert').textContent()).toBe('');
  });

  it('fits a 680 px screen without scrolling, with no nav item marked on the welcome form', async () => {
    const harness = await startHarness({ viewport: { width: 400, height: 680 } });
    const page = await harness.open();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(680);
    expect(await page.getByRole('button', { name: 'Add account' }).isVisible()).toBe(true);
    expect(await page.locator('[aria-current]').count()).toBe(0);
  });
});
