/**
 * The chart of a new account: with no reading it says so, with one it says the line starts
 * with the next (and still lets the keyboard read that one point), with two it draws a line
 * through both. Each case is checked by its own words and shape, not by "something is drawn".
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { FAULTS } from '../../src/main/simulator/index.js';
import type { HistoryEntry } from '../../src/shared/types.js';
import { describeUi } from './describe-ui.js';
import { plain, harnessEachTest, type UiOptions } from './harness.js';
import { SEEDED_ACCOUNT } from './seed.js';

const startHarness = harnessEachTest();

const card = `[data-card="${SEEDED_ACCOUNT.id}"]`;

function account(history: HistoryEntry[], simulator: UiOptions['simulator']): UiOptions {
  return { seed: { account: SEEDED_ACCOUNT, history }, simulator };
}

/** The detail view once the first poll has ended (with a reading or a failure). */
async function detailAfterFirstPoll(options: UiOptions, settled: string): Promise<Page> {
  const harness = await startHarness(options);
  const page = await harness.open();
  await page.locator(`${card} ${settled}`).waitFor();
  await page.locator(`${card} [data-action="details"]`).click();
  await page.getByTestId('chart').locator('svg').waitFor();
  return page;
}

describeUi('chart with few readings', () => {
  it('no reading: says there is none, draws no line and no crosshair', async () => {
    const page = await detailAfterFirstPoll(
      account([], { balance: { start: '80.00' }, faults: { 1: FAULTS.unavailable() } }),
      '.status-text',
    );
    const chart = page.getByTestId('chart');
    await expect.poll(() => chart.locator('svg').textContent()).toContain('No readings in this period yet.');
    expect(await chart.locator('.chart-line').count()).toBe(0);
    await chart.focus();
    await page.keyboard.press('End');
    expect(await chart.locator('.chart-cross').getAttribute('visibility')).toBe('hidden');
    expect(plain(await page.getByTestId('readout').textContent())).toBe('');
  });

  it('one reading: says the line starts with the next one, and the keyboard reads that reading', async () => {
    const page = await detailAfterFirstPoll(account([], { balance: { start: '80.00' } }), '.figure');
    const chart = page.getByTestId('chart');
    expect(plain(await chart.locator('.chart-note').textContent())).toBe(
      'One reading so far; the line starts with the next one.',
    );
    expect(await chart.locator('.chart-line').count()).toBe(0);
    await chart.focus();
    await page.keyboard.press('End');
    expect(plain(await page.getByTestId('readout').textContent())).toMatch(/: USD 80\.00$/);
  });

  it('two readings: a line through both, and no note', async () => {
    const hourAgo = Date.now() - 3_600_000;
    const page = await detailAfterFirstPoll(
      account([{ firstAt: hourAgo, lastAt: hourAgo, balance: '95.00', currency: 'USD' }], {
        balance: { start: '80.00' },
      }),
      '.figure',
    );
    const chart = page.getByTestId('chart');
    await page.getByRole('radio', { name: '24 h' }).check();
    expect(await chart.locator('.chart-line').getAttribute('data-points')).toBe('2');
    expect(await chart.locator('.chart-note').count()).toBe(0);
    await chart.focus();
    await page.keyboard.press('Home');
    expect(plain(await page.getByTestId('readout').textContent())).toMatch(/: USD 95\.00$/);
    await page.keyboard.press('End');
    expect(plain(await page.getByTestId('readout').textContent())).toMatch(/: USD 80\.00$/);
  });
});
