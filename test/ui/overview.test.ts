import { expect, it, vi } from 'vitest';
import { FAULTS } from '../../src/main/simulator/index.js';
import { describeUi } from './describe-ui.js';
import { plain, harnessEachTest, type UiOptions } from './harness.js';
import { lastBalance, SEEDED_ACCOUNT, seededHistory } from './seed.js';

const startHarness = harnessEachTest();

function seeded(extra: Partial<UiOptions> = {}): UiOptions {
  const history = seededHistory(Date.now());
  return {
    seed: { account: SEEDED_ACCOUNT, history },
    simulator: { balance: { start: lastBalance(history) } },
    ...extra,
  };
}

const card = `[data-card="${SEEDED_ACCOUNT.id}"]`;

describeUi('overview', () => {
  it('opens on the glance: one account needs no aggregate line, and shows its balance, state and outlook', async () => {
    const harness = await startHarness(seeded());
    const page = await harness.open();
    expect(await page.locator('main [data-view]').getAttribute('data-view')).toBe('overview');
    await page.locator(`${card} .sparkline`).waitFor();
    expect(plain(await page.locator(`${card} .figure`).getAttribute('aria-label'))).toBe('USD 548.70');
    expect(await page.locator(`${card} .status-text`).textContent()).toBe('OK');
    expect(await page.getByTestId('aggregate').getAttribute('class')).toBe('visually-hidden');
    expect(await page.locator(`${card}`).getByTestId('facts').textContent()).toMatch(
      /^448\.70 above low · (≈ [\d.]+ days? left|lasts over a year)$/,
    );
  });

  it('follows a pushed reading without reloading', async () => {
    // The first poll fails, so a refresh afterwards is a real new call (not within 5 s of a success).
    const harness = await startHarness(
      seeded({ simulator: { balance: { start: '548.70' }, faults: { 1: FAULTS.unavailable() } } }),
    );
    const page = await harness.open();
    await vi.waitFor(() => expect(harness?.engine.snapshot().accounts[0]?.lastFailure).not.toBeNull());
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    harness.simulator.setScenario({ balance: { start: '45.00' }, faults: {} });
    await harness.engine.refresh(SEEDED_ACCOUNT.id);

    await page.locator(`${card} .figure-amount`).getByText('45.00').waitFor();
    expect(await page.locator(`${card} .status-text`).textContent()).toBe('Critical');
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  });

  it('asks main to export the history as CSV from the details and says where it went', async () => {
    const harness = await startHarness(seeded());
    const page = await harness.open();
    await page.getByRole('button', { name: 'Details of Shop' }).click();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByTestId('status').getByText('Saved to').waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('Saved to /home/user/Shop-balance.csv.');
    expect(harness.exports).toHaveLength(1);
    const [exported] = harness.exports;
    expect(exported?.defaultName).toBe('Shop-balance.csv');
    expect(exported?.csv.split('\r\n')[0]).toBe('account,currency,first_seen_utc,last_seen_utc,balance,top_up');
    expect(exported?.csv.split('\r\n').length).toBeGreaterThan(700);
  });

  it('refreshes on request, says so, and keeps focus on the button through the update', async () => {
    const harness = await startHarness(seeded());
    const page = await harness.open();
    const refresh = page.getByRole('button', { name: 'Refresh Shop' });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('status').getByText('Shop was checked.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('refresh');
  });

  it('goes where main sends it (the tray\'s "Edit account…", "Settings…" and an account)', async () => {
    const harness = await startHarness(seeded());
    const page = await harness.open();
    await harness.push('navigate', { view: 'accounts', accountId: SEEDED_ACCOUNT.id });
    await page.getByRole('heading', { name: 'Edit Shop' }).waitFor();
    await harness.push('navigate', { view: 'settings' });
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await harness.push('navigate', { view: 'overview', accountId: SEEDED_ACCOUNT.id });
    await page.locator('[data-view="detail"]').waitFor();
    await harness.push('navigate', { view: 'overview' });
    await page.locator('[data-view="overview"]').waitFor();
  });
});
