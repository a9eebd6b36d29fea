import { afterEach, expect, it, vi } from 'vitest';
import { FAULTS } from '../../src/main/simulator/index.js';
import { describeUi } from './describe-ui.js';
import { plain, UiHarness, type UiOptions } from './harness.js';
import { lastBalance, SEEDED_ACCOUNT, seededHistory } from './seed.js';

let harness: UiHarness | undefined;
afterEach(async () => {
  const errors = harness?.pageErrors ?? [];
  await harness?.close();
  harness = undefined;
  expect(errors).toEqual([]);
});

function seeded(extra: Partial<UiOptions> = {}): UiOptions {
  const history = seededHistory(Date.now());
  return {
    seed: { account: SEEDED_ACCOUNT, history },
    simulator: { balance: { start: lastBalance(history) } },
    ...extra,
  };
}

describeUi('overview', () => {
  it('opens by default on the account: balance, state, times, forecast, chart and readings', async () => {
    harness = await UiHarness.start(seeded());
    const page = await harness.open();
    expect(await page.locator('main [data-view]').getAttribute('data-view')).toBe('overview');
    expect(plain(await page.getByTestId('balance').textContent())).toBe('USD 548.70');
    const status = page.locator('.account-summary .status');
    expect(await status.textContent()).toBe('OK');
    expect(await status.locator('svg').count()).toBe(1);
    expect(await page.locator('.facts dd').nth(0).textContent()).not.toBe('Never');
    expect(await page.locator('.facts dd').nth(2).textContent()).toMatch(/^≈ [\d.]+ days left at the current rate$/);

    const chart = page.getByTestId('chart');
    await chart.locator('polyline.chart-line').waitFor();
    expect(await chart.locator('[data-threshold="low"] text').textContent()).toMatch(/^Low USD\s100\.00$/);
    expect(await chart.locator('[data-threshold="critical"]').count()).toBe(1);
    expect(await chart.locator('[role="img"] > title').textContent()).toMatch(
      /^Balance from .+: lowest .+, highest .+\.$/,
    );
    // The 7-day default shows the later top-up only; "All" shows both.
    expect(await chart.locator('.chart-topup').count()).toBe(1);
    await page.getByRole('radio', { name: 'All' }).check();
    expect(await chart.locator('.chart-topup').count()).toBe(2);
    await page.getByRole('radio', { name: '24 h' }).check();
    expect(await chart.locator('.chart-topup').count()).toBe(0);

    const rows = page.locator('.readings tbody tr');
    expect(await rows.count()).toBe(10);
    expect(plain(await rows.first().locator('td').nth(1).textContent())).toBe('USD 548.70');
  });

  it('follows a pushed reading without reloading', async () => {
    // The first poll fails, so a refresh afterwards is a real new call (not within 5 s of a success).
    harness = await UiHarness.start(
      seeded({ simulator: { balance: { start: '548.70' }, faults: { 1: FAULTS.unavailable() } } }),
    );
    const page = await harness.open();
    await vi.waitFor(() => expect(harness?.engine.snapshot().accounts[0]?.lastFailure).not.toBeNull());
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    harness.simulator.setScenario({ balance: { start: '45.00' }, faults: {} });
    await harness.engine.refresh(SEEDED_ACCOUNT.id);

    await page.getByTestId('balance').getByText('45.00').waitFor();
    expect(await page.locator('.account-summary .status').textContent()).toBe('Critical');
    await page.locator('.readings tbody tr').first().getByText('45.00').waitFor();
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  });

  it('asks main to export the history as CSV and says where it went', async () => {
    harness = await UiHarness.start(seeded());
    const page = await harness.open();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByTestId('status').getByText('Saved to').waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('Saved to /home/user/Shop-balance.csv.');
    expect(harness.exports).toHaveLength(1);
    const [exported] = harness.exports;
    expect(exported?.defaultName).toBe('Shop-balance.csv');
    expect(exported?.csv.split('\r\n')[0]).toBe('account,currency,first_seen_utc,last_seen_utc,balance,top_up');
    expect(exported?.csv.split('\r\n').length).toBeGreaterThan(700);
  });

  it('refreshes on request and keeps focus on the button through the update', async () => {
    harness = await UiHarness.start(seeded());
    const page = await harness.open();
    const refresh = page.getByRole('button', { name: 'Refresh now' });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('status').getByText('Shop was checked.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('refresh');
  });

  it('goes where main sends it (the tray\'s "Edit account…" and "Settings…")', async () => {
    harness = await UiHarness.start(seeded());
    const page = await harness.open();
    await harness.push('navigate', { view: 'accounts', accountId: SEEDED_ACCOUNT.id });
    await page.getByRole('heading', { name: 'Edit Shop' }).waitFor();
    await harness.push('navigate', { view: 'settings' });
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await harness.push('navigate', { view: 'overview', accountId: SEEDED_ACCOUNT.id });
    await page.getByTestId('balance').waitFor();
  });
});
