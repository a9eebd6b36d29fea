/**
 * One account in detail: a chart that reads like an instrument (nice ticks, the currency once,
 * labels that fit and never collide, top-ups marked, a crosshair for pointer and keyboard), and
 * the readings grouped by day.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeUi } from './describe-ui.js';
import { plain, screenshot, harnessEachTest, type UiOptions } from './harness.js';
import { historyEndingAt, lastBalance, SEEDED_ACCOUNT, seededHistory } from './seed.js';

const startHarness = harnessEachTest();

function seeded(history = seededHistory(Date.now()), extra: Partial<UiOptions> = {}): UiOptions {
  return {
    seed: { account: SEEDED_ACCOUNT, history },
    simulator: { balance: { start: lastBalance(history.length ? history : seededHistory(Date.now())) } },
    ...extra,
  };
}

async function openDetail(page: Page): Promise<void> {
  await page.locator(`[data-card="${SEEDED_ACCOUNT.id}"] [data-action="details"]`).click();
  await page.locator('[data-view="detail"]').waitFor();
  await page.getByTestId('chart').locator('svg').waitFor();
}

const isNice = (step: number) => {
  const magnitude = 10 ** Math.floor(Math.log10(step));
  return [1, 2, 5, 10].includes(Math.round((step / magnitude) * 1e6) / 1e6);
};

describeUi('detail', () => {
  it('draws nice Y ticks with the currency once, day ticks, threshold labels apart, top-ups as markers', async () => {
    const harness = await startHarness(seeded());
    const page = await harness.open();
    await openDetail(page);
    await page.getByRole('radio', { name: '30 days' }).check();
    const chart = page.getByTestId('chart');
    const ticks = await chart
      .locator('[data-tick]')
      .evaluateAll((all) => all.map((el) => Number(el.getAttribute('data-tick'))));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const steps = ticks.slice(1).map((tick, i) => Math.abs(tick - (ticks[i] as number)));
    expect(new Set(steps).size).toBe(1);
    expect(isNice(steps[0] as number)).toBe(true);
    // The currency is on the axis once; the tick labels are plain numbers.
    expect(await chart.locator('.chart-unit').textContent()).toBe('USD');
    for (const label of await chart.locator('[data-tick]').allTextContents()) expect(label).not.toContain('USD');
    // X ticks on local midnights for a month.
    const times = await chart
      .locator('[data-time-tick]')
      .evaluateAll((all) => all.map((el) => Number(el.getAttribute('data-time-tick'))));
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (const at of times) expect(new Date(at).getUTCHours()).toBe(0);
    // Low (100) and critical (50) sit close on a 0..600 axis: their labels must not overlap.
    const boxes = await chart.locator('.chart-threshold-label').evaluateAll((all) =>
      all.map((el) => {
        const box = (el as SVGGraphicsElement).getBBox();
        return { top: box.y, bottom: box.y + box.height };
      }),
    );
    expect(boxes).toHaveLength(2);
    const [a, b] = boxes as [{ top: number; bottom: number }, { top: number; bottom: number }];
    expect(a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    expect(await chart.locator('.chart-topup').count()).toBe(2);
  });

  it('gives a huge balance the room it needs: no label is cut by the margin', async () => {
    const history = historyEndingAt(Date.now(), 107_959_999_892, { perHour: 2_000_000, days: 7 });
    const harness = await startHarness(seeded(history));
    const page = await harness.open();
    await openDetail(page);
    const lefts = await page
      .getByTestId('chart')
      .locator('[data-tick]')
      .evaluateAll((all) => all.map((el) => (el as SVGGraphicsElement).getBBox().x));
    for (const left of lefts) expect(left).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'detail-huge-balance.png');
    expect((await page.getByTestId('chart').locator('[data-tick]').last().textContent())?.length).toBeGreaterThan(10);
  });

  it('moves a crosshair with the keyboard and reads out time and amount', async () => {
    const harness = await startHarness(seeded());
    const page = await harness.open();
    await openDetail(page);
    const chart = page.getByTestId('chart');
    await chart.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await chart.locator('.chart-cross').getAttribute('visibility')).toBe('visible');
    const last = plain(await page.getByTestId('readout').textContent());
    expect(last).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d\d:\d\d( [AP]M)?: USD \d+\.\d\d$/);
    await page.keyboard.press('Home');
    expect(plain(await page.getByTestId('readout').textContent())).not.toBe(last);
    expect(await page.getByTestId('readout').getAttribute('aria-live')).toBe('polite');
    // And the pointer: hovering the middle reads out a point too.
    const box = await chart.boundingBox();
    if (!box) throw new Error('chart not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(plain(await page.getByTestId('readout').textContent())).toMatch(/USD \d+\.\d\d$/);
  });

  it('redraws at the new width when the window is resized, keeping 12 px text', async () => {
    const harness = await startHarness(seeded());
    const page = await harness.open();
    await openDetail(page);
    const width = () => page.getByTestId('chart').locator('svg').getAttribute('width');
    const before = Number(await width());
    await page.setViewportSize({ width: 560, height: 640 });
    await page.waitForFunction(
      (w) => Number(document.querySelector('[data-testid="chart"] svg')?.getAttribute('width')) > w,
      before,
    );
    const svg = page.getByTestId('chart').locator('svg');
    expect(await svg.getAttribute('viewBox')).toBe(`0 0 ${await width()} 200`);
  });

  it('lists readings grouped by day with one kind of minus sign, and the currency once', async () => {
    const harness = await startHarness(seeded(historyEndingAt(Date.now(), 54_870, { topUpAgoHours: 5, perHour: 35 })));
    const page = await harness.open();
    await openDetail(page);
    const readings = page.locator('.readings');
    await readings.locator('tbody tr').first().waitFor();
    expect(plain(await readings.locator('h2').textContent())).toBe('Recent readings (USD)');
    expect(await readings.locator('.day-row').count()).toBeGreaterThanOrEqual(1);
    const text = (await readings.textContent()) ?? '';
    expect(text).not.toContain('USD 5');
    expect(text).not.toContain('\u2212');
    expect(text).toMatch(/-0\.\d\d/);
    expect(text).toContain('top-up');
  });
});
