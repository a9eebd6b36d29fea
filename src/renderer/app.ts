/**
 * The window's shell: header with the views, the current view, and the status line. It owns
 * the state main pushes (snapshot, settings) and re-renders the current view when it changes,
 * keeping keyboard focus where it was; an open form is never rebuilt under the user's hands.
 */
import { fitToContent } from './fit-window.js';
import { resolveLocale, translator, type Locale, type Translate } from '../shared/i18n/index.js';
import type { Bridge, IpcError, View, WindowProblem } from '../shared/ipc.js';
import {
  worstStatus,
  type AccountSnapshot,
  type AppSettings,
  type HistoryEntry,
  type Snapshot,
} from '../shared/types.js';
import { unwrap } from './bridge.js';
import type { ChartRange } from './chart/range.js';
import { askConfirmation } from './confirm-dialog.js';
import type { Route, ViewContext } from './context.js';
import { h } from './dom.js';
import { accountsView } from './views/accounts.js';
import { firstRunView } from './views/first-run.js';
import { detailView } from './views/detail.js';
import { glanceView } from './views/glance.js';
import { settingsView } from './views/settings.js';

type NavView = Route['view'];
const NAV: readonly NavView[] = ['overview', 'accounts', 'settings'];

export async function startApp(root: HTMLElement, bridge: Bridge): Promise<void> {
  const [info, snapshot, settings] = await Promise.all([
    unwrap(bridge.getAppInfo({})),
    unwrap(bridge.getState({})),
    unwrap(bridge.getSettings({})),
  ]);
  const app = new App(root, bridge, info.platform, snapshot, settings);
  bridge.onStateChanged((next) => app.setSnapshot(next));
  bridge.onSettingsChanged((next) => app.applySettings(next));
  bridge.onNavigate(({ view, accountId }) => app.navigate(routeFor(view, accountId)));
  // Esc puts the window away, as a tray popover does; an open dialog or menu takes it first.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
    void bridge.hideWindow({});
  });
  // Relative times ("2 minutes ago") move on even when no new reading arrives.
  setInterval(() => app.tick(), 30_000);
  app.render();
  // Subscribed: now main may push, and hands over the view asked for before (tray, notification).
  const ready = await unwrap(bridge.windowReady({}));
  app.showProblems(ready.problems);
  if (ready.navigation) app.navigate(routeFor(ready.navigation.view, ready.navigation.accountId));
}

/** Main names a view and maybe an account; for Accounts that means "edit this one". */
function routeFor(view: View, accountId: string | undefined): Route {
  if (view === 'settings') return { view };
  if (view === 'accounts') return accountId ? { view, editing: accountId } : { view };
  return accountId ? { view, accountId } : { view };
}

class App {
  #route: Route = { view: 'overview' };
  #chartRange: ChartRange = '7d';
  #chartCursor: { accountId: string; at: number } | null = null;
  #focusKey: string | undefined;
  #locale: Locale = 'en';
  #t: Translate = translator('en');
  readonly #history = new Map<string, { readingAt: number | null; entries: Promise<HistoryEntry[]> }>();
  readonly #nav = h('nav', { class: 'app-nav' });
  readonly #main = h('main', { id: 'main', tabindex: -1 });
  readonly #status = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
  readonly #alert = h('p', { class: 'alert-line', role: 'alert', 'data-testid': 'alert' });
  /** What the app could not set up (no tray, no keychain module): stays while the window is open. */
  readonly #problems = h('div', { class: 'app-problems', role: 'alert', 'data-testid': 'problems' });
  #problemList: readonly WindowProblem[] = [];
  readonly #title = h('span', { class: 'app-name' });
  readonly #skip = h('a', { class: 'skip-link', href: '#main' });
  readonly #watchSize: () => void;

  constructor(
    root: HTMLElement,
    private readonly bridge: Bridge,
    private readonly platform: string,
    private snapshot: Snapshot,
    private settings: AppSettings,
  ) {
    root.replaceChildren(
      this.#skip,
      h('header', { class: 'app-header' }, this.#title, this.#nav),
      this.#problems,
      this.#main,
      h('footer', { class: 'app-footer' }, this.#status, this.#alert),
    );
    this.#watchSize = fitToContent(root, this.#main, (height) => void this.bridge.fitWindow({ height }));
    this.#adoptLocale();
  }

  showProblems(problems: readonly WindowProblem[]): void {
    this.#problemList = problems;
    this.#renderProblems();
  }

  #renderProblems(): void {
    this.#problems.replaceChildren(
      ...this.#problemList.map((problem) => h('p', {}, this.#t(`shell.problem.${problem}`))),
    );
  }

  navigate(route: Route): void {
    this.#route = route;
    this.render();
    // A new view: start keyboard and screen-reader users at its heading.
    this.#main.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Re-renders the glance or detail view so their relative times stay true; never a form. */
  tick(): void {
    if (this.#route.view === 'overview' && !this.#formOpen()) this.render();
  }

  setSnapshot(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    if (!this.#formOpen()) this.render();
  }

  /**
   * Shows the balances with an account main has just added, in them even if its state push has
   * not come yet. Without that the welcome form, drawn again from a snapshot with no account,
   * would count as an open form and hold off the very push that carries the account. The next
   * push replaces the whole snapshot.
   */
  accountAdded(account: AccountSnapshot): void {
    if (!this.snapshot.accounts.some((known) => known.id === account.id)) {
      const accounts = [...this.snapshot.accounts, account];
      this.snapshot = { ...this.snapshot, accounts, aggregate: worstStatus(accounts.map((known) => known.status)) };
    }
    this.navigate({ view: 'overview' });
  }

  applySettings(settings: AppSettings): void {
    this.settings = settings;
    const before = this.#locale;
    this.#adoptLocale();
    if (this.#locale !== before || this.#route.view === 'settings') this.render();
  }

  render(): void {
    const focused =
      document.activeElement instanceof HTMLElement ? document.activeElement.dataset['focusKey'] : undefined;
    this.#focusKey = focused;
    this.#renderChrome();
    this.#main.replaceChildren(this.#view());
    this.#watchSize();
    for (const heading of this.#main.querySelectorAll('h1')) {
      heading.setAttribute('tabindex', '-1');
      heading.dataset['focusKey'] = 'view-heading';
    }
    if (focused) this.#main.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }

  #formOpen(): boolean {
    if (this.#route.view === 'accounts') return this.#route.editing !== undefined;
    return this.#route.view === 'overview' && this.#main.querySelector('[data-view="first-run"]') !== null;
  }

  #adoptLocale(): void {
    this.#locale = resolveLocale(this.settings.language, navigator.language);
    this.#t = translator(this.#locale);
    document.documentElement.lang = this.#locale;
    document.title = this.#t('app.name');
  }

  #renderChrome(): void {
    const t = this.#t;
    this.#title.textContent = t('app.name');
    this.#renderProblems();
    this.#skip.textContent = t('window.skipToContent');
    this.#nav.setAttribute('aria-label', t('window.nav.label'));
    this.#nav.replaceChildren(
      h(
        'ul',
        {},
        NAV.map((view) => {
          const button = h(
            'button',
            {
              type: 'button',
              class: 'nav-item',
              'aria-current': this.#current() === view ? 'page' : null,
              'data-nav': view,
              'data-focus-key': `nav-${view}`,
            },
            t(`window.nav.${view}`),
          );
          button.addEventListener('click', () => this.navigate({ view }));
          return h('li', {}, button);
        }),
      ),
    );
  }

  /** The nav item to mark: none on the welcome form, which is not the Balances view. */
  #current(): NavView | null {
    if (this.#route.view === 'overview' && this.snapshot.accounts.length === 0) return null;
    return this.#route.view;
  }

  #view(): HTMLElement {
    const ctx = this.#context();
    const route = this.#route;
    const now = Date.now();
    if (route.view === 'settings') return settingsView(ctx);
    if (route.view === 'accounts') return accountsView(ctx, route.editing);
    if (this.snapshot.accounts.length === 0) return firstRunView(ctx);
    const account = route.accountId ? this.snapshot.accounts.find((a) => a.id === route.accountId) : undefined;
    return account ? detailView(ctx, account, now) : glanceView(ctx, now);
  }

  #context(): ViewContext {
    const t = this.#t;
    const latest = () => this.snapshot;
    return {
      bridge: this.bridge,
      t,
      locale: this.#locale,
      // Live, so an open form checks names against accounts added since it was drawn.
      get snapshot() {
        return latest();
      },
      settings: this.settings,
      platform: this.platform,
      chartRange: this.#chartRange,
      setChartRange: (range) => {
        this.#chartRange = range;
      },
      chartCursor: (accountId) => (this.#chartCursor?.accountId === accountId ? this.#chartCursor.at : null),
      setChartCursor: (accountId, at) => {
        this.#chartCursor = at === null ? null : { accountId, at };
      },
      focusKey: this.#focusKey,
      navigate: (route) => this.navigate(route),
      accountAdded: (account) => this.accountAdded(account),
      announce: (message, kind = 'status') => this.#announce(message, kind),
      clearAlert: () => {
        this.#alert.textContent = '';
      },
      announceError: (error: IpcError) => this.#announce(t(error.key ?? 'error.internal', error.params), 'alert'),
      applySettings: (settings) => this.applySettings(settings),
      confirm: (request) => askConfirmation(request, t),
      history: (accountId) => this.#historyOf(accountId),
      contentWidth: () => (this.#main.clientWidth > 0 ? this.#main.clientWidth - 32 : 360),
    };
  }

  #announce(message: string, kind: 'status' | 'alert'): void {
    const [target, other] = kind === 'alert' ? [this.#alert, this.#status] : [this.#status, this.#alert];
    other.textContent = '';
    target.textContent = message;
  }

  /** Fetched once per reading: a push with the same last reading reuses it. */
  #historyOf(accountId: string): Promise<HistoryEntry[]> {
    const readingAt = this.snapshot.accounts.find((a) => a.id === accountId)?.lastReading?.fetchedAt ?? null;
    const cached = this.#history.get(accountId);
    if (cached && cached.readingAt === readingAt) return cached.entries;
    const entries = unwrap(this.bridge.getHistory({ accountId })).catch(() => [] as HistoryEntry[]);
    this.#history.set(accountId, { readingAt, entries });
    return entries;
  }
}
