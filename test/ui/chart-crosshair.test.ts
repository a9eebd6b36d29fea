/**
 * The detail view is redrawn every 30 s (relative times) and on every pushed snapshot. A
 * user reading a point off the chart must not lose it to that redraw: the crosshair stays
 * on the same reading and the chart keeps keyboard focus.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeUi } from './describe-ui.js';
import { plain, harnessEachTest } from './harness.js';
import { lastBalance, SEEDED_ACCOUNT, seededHistory } from './seed.js';

const startHarness = harnessEachTest();

/** Where the crosshair is: the reading it reads out, and its x to the pixel (time moves on a little). */
async function crossAt(page: Page): Promise<{ visible: string | null; x: number; readout: string }> {
  const cross = page.getByTestId('chart').locator('.chart-cross');
  return {
    visible: await cross.getAttribute('visibility'),
    x: Math.round(Number(await cross.locator('circle').getAttribute('cx'))),
    readout: plain(await page.getByTestId('readout').textContent()),
  };
}

describeUi('chart crosshair', () => {
  it('stays on the reading the user chose when the view is redrawn', async () => {
    const history = seededHistory(Date.now());
    const harness = await startHarness({
      seed: { account: SEEDED_ACCOUNT, history },
      simulator: { balance: { start: lastBalance(history) } },
    });
    const page = await harness.open();
    await page.locator(`[data-card="${SEEDED_ACCOUNT.id}"] [data-action="details"]`).click();
    const chart = page.getByTestId('chart');
    await chart.locator('svg').waitFor();
    await chart.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const chosen = await crossAt(page);
    expect(chosen.visible).toBe('visible');
    expect(chosen.readout).toMatch(/USD \d+\.\d\d$/);
    const svgBefore = await chart.locator('svg').elementHandle();

    // What a pushed snapshot (and the 30 s tick) does: the whole view is built again.
    await harness.push('state:changed', harness.engine.snapshot());
    await expect.poll(() => chart.locator('svg').evaluate((svg, old) => svg !== old, svgBefore)).toBe(true);

    expect(await crossAt(page)).toEqual(chosen);
    expect(await chart.evaluate((el) => el === document.activeElement)).toBe(true);
    // And the keyboard carries on from there, not from the newest reading.
    const before = plain(await page.getByTestId('readout').textContent());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    expect(plain(await page.getByTestId('readout').textContent())).toBe(before);
  });
});
