import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_ACCOUNT } from '../helpers/simulator.js';
import { describeUi } from './describe-ui.js';
import { plain, harnessEachTest } from './harness.js';

const startHarness = harnessEachTest();

async function fillCredentials(page: Page, baseUrl: string, secret: string): Promise<void> {
  await page.getByLabel('Appkey').fill(TEST_ACCOUNT.appkey);
  await page.getByLabel('Secret', { exact: true }).fill(secret);
  await page.getByText('Advanced').click();
  await page.getByLabel('API base URL').fill(baseUrl);
}

describeUi('first run', () => {
  it('explains what the app needs and offers the form', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await expect(page.locator('h1').textContent()).resolves.toBe('Welcome to EIOT Balance');
    const intro = await page.locator('.lead').textContent();
    expect(intro).toContain('appkey and secret');
    expect(intro).toContain('EIOTCLUB console');
    expect(await page.getByRole('form', { name: 'Add an account' }).isVisible()).toBe(true);
    expect(await page.getByLabel('API base URL').inputValue()).toBe('https://oapi.eiotclub.com');
    // No way back to an empty overview: the form has nothing to cancel to.
    expect(await page.locator('[data-action="cancel"]').count()).toBe(0);
  });

  it('shows the signature error for a wrong secret, then adds the account with the right one', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await fillCredentials(page, harness.simulator.url, 'not-the-secret');
    await page.getByLabel('Name').fill('Shop');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('test-result');
    await result.getByText('Connection failed').waitFor();
    expect(await result.textContent()).toBe(
      'Connection failed: The platform rejected the credentials: 1003 签名错误. Check the appkey and secret.',
    );

    await page.getByLabel('Secret', { exact: true }).fill(TEST_ACCOUNT.secret);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await result.getByText('Connection works').waitFor();
    expect(plain(await result.textContent())).toBe('Connection works. Balance: USD 1,234.56.');
    // Once the currency is known, the thresholds say it.
    expect(await page.locator('[data-field="lowThreshold"] .suffix').textContent()).toBe('USD');

    await page.getByLabel('Warn below').fill('100');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.locator('[data-view="overview"]').waitFor();
    await page.locator('[data-card] .figure-amount').getByText('1,234.56').waitFor();
    expect(plain(await page.locator('[data-card] .figure').getAttribute('aria-label'))).toBe('USD 1,234.56');
    expect(await page.locator('[data-card] .card-label').textContent()).toBe('Shop');

    const [account] = harness.engine.snapshot().accounts;
    expect(account).toMatchObject({
      label: 'Shop',
      appkey: TEST_ACCOUNT.appkey,
      hasSecret: true,
      lowThreshold: '100.00',
    });
    // The secret went to main and nowhere else: not in the page, not in what main returns.
    expect(await page.content()).not.toContain(TEST_ACCOUNT.secret);
    expect(JSON.stringify(harness.engine.snapshot())).not.toContain(TEST_ACCOUNT.secret);
  });

  it("shows the new account when main's reply arrives before its state push", async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await fillCredentials(page, harness.simulator.url, TEST_ACCOUNT.secret);
    await page.getByLabel('Name').fill('Shop');
    // A busy channel: the add-account reply comes first, the snapshot with the account later.
    harness.holdPushes();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.locator('[data-view="overview"]').waitFor({ timeout: 5_000 });
    expect(await page.locator('[data-card] .card-label').textContent()).toBe('Shop');
    expect(await page.locator('[data-view="first-run"]').count()).toBe(0);

    // The push, when it comes, is the truth: the reading it carries is shown.
    await harness.releasePushes();
    await page.locator('[data-card] .figure-amount').getByText('1,234.56').waitFor();
  });

  it('edits the account later without ever showing the stored secret', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await fillCredentials(page, harness.simulator.url, TEST_ACCOUNT.secret);
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.locator('[data-view="overview"]').waitFor();

    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: `Edit ${TEST_ACCOUNT.appkey}` }).click();
    const form = page.locator('[data-view="account-form"]');
    expect(await form.getByText('Stored in the system keychain.').isVisible()).toBe(true);
    expect(await form.locator('input[type="password"]').count()).toBe(0);

    // Test connection works with the stored secret, which the window never had.
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByTestId('test-result').getByText('Connection works').waitFor();

    await form.getByRole('button', { name: 'Replace' }).click();
    expect(await page.getByLabel('New secret').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Keep the stored secret' }).click();

    await form.getByRole('button', { name: 'Remove secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the stored secret?' });
    await dialog.getByRole('button', { name: 'Remove secret' }).click();
    await page.getByLabel('Secret', { exact: true }).waitFor();
    // The page may show the empty field a moment before main's answer has been applied.
    await expect.poll(() => harness?.engine.snapshot().accounts[0]?.hasSecret).toBe(false);
    expect(await page.locator('input[type="password"]').inputValue()).toBe('');
  });

  it('removes an account only after confirmation in the page', async () => {
    const harness = await startHarness();
    const page = await harness.open();
    await fillCredentials(page, harness.simulator.url, TEST_ACCOUNT.secret);
    await page.getByLabel('Name').fill('Shop');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.locator('[data-view="overview"]').waitFor();
    await page.getByRole('button', { name: 'Accounts' }).click();

    await page.getByRole('button', { name: 'Remove Shop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Shop?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(harness.engine.snapshot().accounts).toHaveLength(1);

    await page.getByRole('button', { name: 'Remove Shop' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No accounts yet.').waitFor();
    expect(harness.engine.snapshot().accounts).toHaveLength(0);
    expect(await page.getByTestId('status').textContent()).toBe('Shop was removed.');
  });
});
