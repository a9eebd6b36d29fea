/**
 * Every view, in both languages and both colour schemes: an axe-core check with no serious
 * or critical violation, and (under `npm run test:ui`) a screenshot to test/artifacts/ for a
 * human to look at.
 *
 * `npm test` checks each view in pairs that cover both schemes and both languages (English
 * light, Chinese dark): the colours do not depend on the language, nor the text on the scheme,
 * and the full four of each is some thirty axe runs, most of this file's time. `npm run
 * test:ui` runs all four, with the screenshots.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Language } from '../../src/shared/types.js';
import { describeUi } from './describe-ui.js';
import { screenshotsWanted } from './browser.js';
import { screenshot, UiHarness } from './harness.js';
import { threeAccounts } from './seed.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
const LANGUAGES: Exclude<Language, 'system'>[] = ['en', 'zh-CN'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: an injected <script> tag would (rightly) be refused by the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: { resultTypes: string[] },
          ): Promise<{ violations: Violation[]; passes: unknown[] }>;
        };
      }
    ).axe;
    // Every rule still runs on every node; only the violations are collected node by node
    // (the passes list one node per rule), which is what this check reads.
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return { violations: results.violations, passes: results.passes.length };
  });
  // A check that checked nothing would pass too.
  expect(passes).toBeGreaterThan(10);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
}

/** Puts the window in a view; each returns once that view is on screen. */
const VIEWS: Record<string, (page: Page) => Promise<void>> = {
  glance: async (page) => {
    await page.locator('[data-nav="overview"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.sparkline').length === 3);
  },
  detail: async (page) => {
    await page.locator('[data-nav="overview"]').click();
    await page.locator('[data-card="acct-main"] [data-action="details"]').click();
    await page.locator('.chart-line').waitFor();
    await page.getByRole('radio', { name: /30/ }).check();
    await page.locator('.readings tbody tr').first().waitFor();
  },
  accounts: async (page) => {
    await page.locator('[data-nav="accounts"]').click();
    await page.locator('.account-list').waitFor();
  },
  'account-form': async (page) => {
    await page.locator('[data-nav="accounts"]').click();
    await page.locator('.account-row .actions button').first().click();
    await page.locator('[data-view="account-form"]').waitFor();
    // Show the error styling too: a threshold that breaks the rules.
    await page.locator('[data-field="criticalThreshold"] input').fill('500');
    await page.locator('[data-field="criticalThreshold"] input').blur();
    await page.locator('[data-field="criticalThreshold"] .field-error:not([hidden])').waitFor();
  },
  'remove-dialog': async (page) => {
    await page.locator('[data-nav="accounts"]').click();
    await page.locator('.account-row .actions button').nth(1).click();
    await page.locator('dialog[open]').waitFor();
  },
  settings: async (page) => {
    await page.locator('[data-nav="settings"]').click();
    await page.locator('[data-view="settings"]').waitFor();
  },
};

/** Both schemes for the screenshots; otherwise the one that pairs with the language. */
function schemesFor(language: Exclude<Language, 'system'>): readonly (typeof SCHEMES)[number][] {
  if (screenshotsWanted()) return SCHEMES;
  return language === 'en' ? ['light'] : ['dark'];
}

async function leaveDialog(page: Page): Promise<void> {
  if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape');
}

describeUi('every view', () => {
  let seeded: UiHarness;
  let empty: UiHarness;
  beforeAll(async () => {
    [seeded, empty] = await Promise.all([
      UiHarness.start({ accounts: threeAccounts(Date.now()), platform: 'darwin' }),
      UiHarness.start(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([seeded?.close(), empty?.close()]);
  });

  for (const language of LANGUAGES) {
    it(`passes axe on every view in ${language}`, async () => {
      seeded.engine.updateSettings({ language });
      empty.engine.updateSettings({ language });
      const problems: string[] = [];
      const page = await seeded.open();
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      await page.waitForFunction(() => document.querySelectorAll('[data-status="loading"]').length === 0);
      for (const scheme of schemesFor(language)) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [view, show] of Object.entries(VIEWS)) {
          await show(page);
          problems.push(...(await seriousViolations(page)).map((problem) => `${view} ${scheme}: ${problem}`));
          await screenshot(page, `${view}-${language}-${scheme}.png`);
          await leaveDialog(page);
        }
      }
      const first = await empty.open();
      await first.waitForFunction((lang) => document.documentElement.lang === lang, language);
      for (const scheme of schemesFor(language)) {
        await first.emulateMedia({ colorScheme: scheme });
        problems.push(...(await seriousViolations(first)).map((problem) => `first-run ${scheme}: ${problem}`));
        await screenshot(first, `first-run-${language}-${scheme}.png`);
      }
      // Setup with validation errors: Add pressed on an empty form.
      await first.locator('[data-action="save"]').click();
      await first.locator('.field-error:not([hidden])').first().waitFor();
      problems.push(...(await seriousViolations(first)).map((problem) => `setup-errors: ${problem}`));
      await screenshot(first, `setup-errors-${language}.png`);
      await Promise.all([page.close(), first.close()]);
      expect(problems).toEqual([]);
      expect([...seeded.pageErrors, ...empty.pageErrors]).toEqual([]);
    }, 90_000);
  }
});
