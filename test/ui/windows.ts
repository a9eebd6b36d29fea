/**
 * The test file's windows: one browser context per system locale, and its pages reused from
 * test to test. A new page costs a renderer process, most of a short test's time on these
 * machines; a reused one loads the app afresh for each test, and between tests it is parked
 * on about:blank, off the test that used it, so no document, listener or state outlives a test.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { sharedBrowser } from './browser.js';

/** The test a window belongs to while it is open: the main process it talks to. */
export interface WindowOwner {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  pageError(message: string): void;
}

export interface WindowLook {
  /** The "system" locale the window sees as navigator.language (a context-wide setting). */
  locale: string;
  colorScheme: 'light' | 'dark';
  viewport: { width: number; height: number };
}

const contexts = new Map<string, Promise<BrowserContext>>();
const parked = new Map<string, Page[]>();
const owners = new Map<Page, WindowOwner>();

function contextFor(locale: string, initScript: string): Promise<BrowserContext> {
  let context = contexts.get(locale);
  if (!context) {
    context = (async () => {
      const created = await (await sharedBrowser()).newContext({ locale, timezoneId: 'UTC' });
      // A window's calls reach the test that owns it now; a parked window has none to reach.
      await created.exposeBinding('__eiotInvoke', (source, channel: string, payload: unknown) => {
        const owner = owners.get(source.page);
        if (!owner) throw new Error(`${channel}: this window belongs to no test`);
        return owner.invoke(channel, payload);
      });
      await created.addInitScript({ content: initScript });
      return created;
    })();
    contexts.set(locale, context);
  }
  return context;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => owners.get(page)?.pageError(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') owners.get(page)?.pageError(message.text());
  });
  page.on('close', () => owners.delete(page));
  return page;
}

/** A window for `owner`, on about:blank with the look asked for: a parked one or a new one. */
export async function takeWindow(look: WindowLook, initScript: string, owner: WindowOwner): Promise<Page> {
  const context = await contextFor(look.locale, initScript);
  const page = parked.get(look.locale)?.pop() ?? (await newPage(context));
  owners.set(page, owner);
  const size = page.viewportSize();
  if (size?.width !== look.viewport.width || size.height !== look.viewport.height) {
    await page.setViewportSize(look.viewport);
  }
  await page.emulateMedia({ colorScheme: look.colorScheme });
  return page;
}

/** Ends the window's document and parks it for the next test (unless the test closed it). */
export async function parkWindow(page: Page, locale: string): Promise<void> {
  owners.delete(page);
  if (page.isClosed()) return;
  // The pointer rests where the test left it; off the page, it hovers nothing in the next one.
  await page.mouse.move(-10, -10);
  await page.goto('about:blank');
  const list = parked.get(locale) ?? [];
  list.push(page);
  parked.set(locale, list);
}

/** Forgets the file's contexts; closing the browser connection closes them. */
export function forgetWindows(): void {
  contexts.clear();
  parked.clear();
  owners.clear();
}
