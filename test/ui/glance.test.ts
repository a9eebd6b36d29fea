/**
 * The glance: every account at once, sorted by need of attention, each telling its state by
 * colour, glyph and word; keyboard first. Screenshots of each state go to test/artifacts/
 * under `npm run test:ui`.
 */
import { expect, it, vi } from 'vitest';
import { describeUi } from './describe-ui.js';
import { plain, screenshot, harnessEachTest } from './harness.js';
import { historyEndingAt, lastBalance, threeAccounts } from './seed.js';
import { TEST_ACCOUNT } from '../helpers/simulator.js';

const startHarness = harnessEachTest();

const rejected = (now: number) => {
  const history = historyEndingAt(now, 250_000, { perHour: 50 });
  return {
    account: {
      id: 'acct-backup',
      label: 'Backup',
      appkey: TEST_ACCOUNT.appkey,
      pollIntervalSec: 300,
      lowThreshold: '100.00',
      enabled: true,
    },
    history,
    secret: 'not-the-secret',
    simulator: { balance: { start: lastBalance(history) } },
  };
};

async function settled(page: import('playwright-core').Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-card]').length === n &&
      document.querySelectorAll('[data-card][data-status="loading"]').length === 0 &&
      document.querySelectorAll('.sparkline').length === n,
    count,
  );
}

describeUi('glance', () => {
  it('shows every account, most in need of attention first, with an aggregate line', async () => {
    const now = Date.now();
    const harness = await startHarness({ accounts: [...threeAccounts(now), rejected(now)] });
    const page = await harness.open();
    await settled(page, 4);
    const cards = page.locator('[data-card]');
    expect(await cards.evaluateAll((all) => all.map((card) => card.getAttribute('data-status')))).toEqual([
      'critical',
      'error',
      'low',
      'ok',
    ]);
    expect(await page.getByTestId('aggregate').textContent()).toBe('3 accounts need attention');

    const critical = cards.nth(0);
    expect(await critical.locator('.card-label').textContent()).toBe('Shop EU');
    expect(plain(await critical.locator('.figure').getAttribute('aria-label'))).toBe('EUR 18.40');
    expect(await critical.locator('.figure-currency').textContent()).toBe('EUR');
    expect(await critical.locator('.figure-amount').textContent()).toBe('18.40');
    expect(await critical.locator('.status-text').textContent()).toBe('Critical');
    expect(await critical.locator('.status svg').count()).toBe(1);
    expect(await critical.getByTestId('facts').textContent()).toMatch(/^1\.60 under critical · ≈ [\d.]+ days? left$/);
    expect(await critical.locator('.rel-time').textContent()).toMatch(/^checked (just now|\d+ minutes? ago)$/);
    expect(await critical.locator('.rel-time').getAttribute('title')).toMatch(/\d{4}/);

    const auth = cards.nth(1);
    expect(await auth.getByTestId('problem').textContent()).toContain('rejected the appkey or secret');
    expect(await auth.locator('.figure.is-dim').count()).toBe(1);
    expect(await auth.locator('.as-of').textContent()).toMatch(/^as of \d\d:\d\d$/);
    expect(await auth.getByRole('button', { name: 'Edit credentials' }).count()).toBe(1);
    expect(await cards.nth(2).getByTestId('facts').textContent()).toMatch(/^15\.90 under low/);

    // Every glyph differs: colour is never the only signal.
    const glyphs = await page
      .locator('.status svg path')
      .evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));
    expect(new Set(glyphs).size).toBe(4);
    await screenshot(page, 'auth-error-card.png');
  });

  it('moves between cards with the arrow keys, opens details with Enter, goes back, and closes with Esc', async () => {
    const now = Date.now();
    const harness = await startHarness({ accounts: threeAccounts(now) });
    const page = await harness.open();
    await settled(page, 3);
    await page.locator('[data-card]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-card'))).toBe('acct-main');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-card'))).toBe('acct-test');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.locator('[data-view="detail"][data-account="acct-main"]').waitFor();
    await page.getByRole('button', { name: 'All balances' }).click();
    await page.locator('[data-view="overview"]').waitFor();

    expect(harness.hides).toBe(0);
    await page.keyboard.press('Escape');
    await vi.waitFor(() => expect(harness?.hides).toBe(1));
  });

  it('says a refresh the platform rejected failed, instead of "was checked"', async () => {
    const harness = await startHarness({ accounts: [rejected(Date.now())] });
    const page = await harness.open();
    await page.locator('[data-card][data-status="error"]').waitFor();
    await page.getByRole('button', { name: 'Refresh Backup' }).click();
    await page.getByTestId('alert').getByText('could not be checked').waitFor();
    expect(await page.getByTestId('alert').textContent()).toMatch(/^Backup could not be checked: .*rejected/);
    expect(await page.getByTestId('status').textContent()).toBe('');

    await page.getByRole('button', { name: 'Edit credentials' }).click();
    await page.locator('[data-view="account-form"]').waitFor();
  });

  it('fits 320 px without scrolling sideways; a huge balance and a 60-character label stay whole or ellipsised', async () => {
    const now = Date.now();
    const label = 'Regional distribution partner account for Southeast Asia 001'.slice(0, 60);
    const history = historyEndingAt(now, 98_765_432_109_876, { perHour: 1_000_000 });
    const harness = await startHarness({
      accounts: [
        ...threeAccounts(now),
        {
          account: {
            id: 'acct-huge',
            label,
            appkey: TEST_ACCOUNT.appkey,
            pollIntervalSec: 300,
            lowThreshold: '1000000.00',
            enabled: true,
          },
          history,
          simulator: { balance: { start: lastBalance(history) } },
        },
      ],
      viewport: { width: 320, height: 640 },
    });
    const page = await harness.open();
    await settled(page, 4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const huge = page.locator('[data-card="acct-huge"]');
    await screenshot(page, 'glance-320.png');
    await huge.scrollIntoViewIfNeeded();
    await screenshot(huge, 'huge-balance-long-label.png');
    expect(await huge.locator('.card-label').getAttribute('title')).toBe(label);
    expect(await huge.locator('.card-label').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The figure is never cut: every digit is on screen.
    expect(await huge.locator('.figure-amount').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await huge.locator('.figure-amount').textContent()).toBe('987,654,321,098.76');
  });

  it('asks for the height its view needs, so the window fits its cards (height to content)', async () => {
    const now = Date.now();
    const [one] = threeAccounts(now);
    let harness = await startHarness({ accounts: [one!] });
    const page = await harness.open();
    await settled(page, 1);
    await vi.waitFor(() => expect(harness?.fits.length).toBeGreaterThan(0));
    const single = harness.fits.at(-1)!;
    // What main would do: size the content area to the ask. Nothing is cut and nothing is left
    // over: the page then neither scrolls nor ends far above the window's bottom.
    await page.setViewportSize({ width: 400, height: single });
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      addBottom:
        document.querySelector('.add-account, [data-action="add-account"]')?.getBoundingClientRect().bottom ?? 0,
      lastCard: document.querySelector('[data-card]:last-of-type')?.getBoundingClientRect().bottom ?? 0,
    }));
    expect(layout.scroll).toBeLessThanOrEqual(single);
    expect(layout.lastCard).toBeGreaterThan(0);
    expect(single - Math.max(layout.lastCard, layout.addBottom)).toBeLessThan(80);
    expect(single).toBeLessThan(360);
    await harness.close();

    // Four accounts need more than one: the ask grows with the content.
    harness = await startHarness({ accounts: [...threeAccounts(now), rejected(now)] });
    const four = await harness.open();
    await settled(four, 4);
    await vi.waitFor(() => expect(harness?.fits.at(-1)).toBeGreaterThan(single + 300));
  });

  it('quits from the glance only after the user confirms', async () => {
    const now = Date.now();
    const [one] = threeAccounts(now);
    const harness = await startHarness({ accounts: [one!] });
    const page = await harness.open();
    await settled(page, 1);
    await page.getByRole('button', { name: 'Quit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Quit EIOT Balance?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(harness.quits).toBe(0);

    await page.getByRole('button', { name: 'Quit…' }).click();
    await page.getByRole('dialog', { name: 'Quit EIOT Balance?' }).getByRole('button', { name: 'Quit' }).click();
    await vi.waitFor(() => expect(harness?.quits).toBe(1));
  });
});
