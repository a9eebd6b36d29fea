/**
 * One account at a glance: the balance large, its state in words and icon, when it was read
 * and will be read next, the forecast, the chart and the latest readings.
 */
import { describeFailure } from '../../shared/failure-text.js';
import { formatMoney } from '../../shared/money.js';
import type { AccountSnapshot } from '../../shared/types.js';
import { BridgeCallError, unwrap } from '../bridge.js';
import { whileBusy } from '../busy.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';
import { formatDays, formatMoment } from '../format.js';
import { statusBadge } from '../status-badge.js';
import { chartSection } from './balance-chart.js';
import { readingsTable } from './readings-table.js';

export function overviewView(ctx: ViewContext, accountId: string | undefined): HTMLElement {
  const { t } = ctx;
  const accounts = ctx.snapshot.accounts;
  const account = accounts.find((a) => a.id === accountId) ?? (accounts[0] as AccountSnapshot);
  const head = h('div', { class: 'view-head' }, h('h1', {}, t('window.nav.overview')));
  if (accounts.length > 1) {
    const id = uniqueId('account-pick');
    const select = h(
      'select',
      { id, 'data-focus-key': 'account-pick' },
      accounts.map((a) => h('option', { value: a.id, selected: a.id === account.id }, a.label)),
    );
    select.addEventListener('change', () => ctx.navigate({ view: 'overview', accountId: select.value }));
    head.append(h('div', { class: 'inline-field' }, h('label', { for: id }, t('window.overview.account')), select));
  }
  const details = h(
    'div',
    { class: 'history-details' },
    h('p', { class: 'muted' }, t('window.overview.loadingHistory')),
  );
  void ctx.history(account.id).then((entries) => {
    details.replaceChildren(
      chartSection(ctx, { account, entries, range: ctx.chartRange, onRange: (range) => ctx.setChartRange(range) }),
      readingsTable(ctx, entries),
    );
  });
  return h(
    'section',
    { class: 'view view-overview', 'data-view': 'overview', 'data-account': account.id },
    head,
    summary(ctx, account),
    details,
  );
}

function summary(ctx: ViewContext, account: AccountSnapshot): HTMLElement {
  const { t, locale } = ctx;
  const reading = account.lastReading;
  const refresh = h(
    'button',
    { type: 'button', class: 'button button-primary', 'data-action': 'refresh', 'data-focus-key': 'refresh' },
    t('window.overview.refresh'),
  );
  const exportCsv = h(
    'button',
    { type: 'button', class: 'button', 'data-action': 'export', 'data-focus-key': 'export' },
    t('window.overview.export'),
  );
  refresh.addEventListener(
    'click',
    () =>
      void run(ctx, refresh, async () => {
        await unwrap(ctx.bridge.refresh({ accountId: account.id }));
        ctx.announce(t('window.overview.checked', { label: account.label }));
      }),
  );
  exportCsv.addEventListener(
    'click',
    () =>
      void run(ctx, exportCsv, async () => {
        const result = await unwrap(ctx.bridge.exportCsv({ accountId: account.id }));
        ctx.announce(
          result.saved
            ? t('window.overview.exported', { path: result.path ?? '' })
            : t('window.overview.exportCancelled'),
        );
      }),
  );

  const facts = h(
    'dl',
    { class: 'facts' },
    fact(
      t('window.overview.lastUpdated'),
      reading ? formatMoment(reading.fetchedAt, locale) : t('window.overview.never'),
    ),
    fact(t('window.overview.nextCheck'), nextCheck(ctx, account)),
    fact(t('window.overview.forecast'), forecast(ctx, account)),
  );
  const problem = problemNote(ctx, account);
  return h(
    'article',
    { class: 'account-summary', 'aria-labelledby': `summary-${account.id}` },
    h(
      'div',
      { class: 'summary-head' },
      h('h2', { id: `summary-${account.id}` }, account.label),
      statusBadge(account.status, t),
    ),
    h(
      'p',
      { class: 'balance', 'data-testid': 'balance' },
      reading ? formatMoney(reading.balance, reading.currency, locale) : t('window.overview.noReading'),
    ),
    problem,
    facts,
    h('div', { class: 'actions' }, refresh, exportCsv),
  );
}

function fact(term: string, value: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function nextCheck(ctx: ViewContext, account: AccountSnapshot): string {
  const { t, locale } = ctx;
  if (account.pausedUntil !== null) {
    return Number.isFinite(account.pausedUntil)
      ? t('window.overview.pausedUntil', { time: formatMoment(account.pausedUntil, locale) })
      : t('status.paused');
  }
  if (!account.enabled) return t('window.overview.disabled');
  return account.nextCheckAt === null ? t('window.overview.notScheduled') : formatMoment(account.nextCheckAt, locale);
}

function forecast(ctx: ViewContext, account: AccountSnapshot): string {
  const { t, locale } = ctx;
  const { forecast: outlook } = account;
  if (!outlook) return t('window.forecast.unknown');
  if (outlook.spendPerDay <= 0 || outlook.daysUntilEmpty === null) return t('window.forecast.notSpending');
  return t('window.forecast.daysLeft', { days: formatDays(outlook.daysUntilEmpty, locale) });
}

function problemNote(ctx: ViewContext, account: AccountSnapshot): HTMLElement | null {
  const { t } = ctx;
  if (!account.hasSecret) {
    const edit = h(
      'button',
      { type: 'button', class: 'button', 'data-focus-key': 'add-secret' },
      t('window.overview.addSecret'),
    );
    edit.addEventListener('click', () => ctx.navigate({ view: 'accounts', editing: account.id }));
    return h('div', { class: 'note note-warning' }, h('p', {}, t('window.overview.needsSecret')), edit);
  }
  if (account.lastFailure && (account.status === 'error' || account.status === 'stale')) {
    return h(
      'div',
      { class: 'note note-warning', 'data-testid': 'failure' },
      h('p', {}, t('window.overview.lastFailed', { reason: describeFailure(account.lastFailure, t) })),
    );
  }
  return null;
}

async function run(ctx: ViewContext, button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
  try {
    await whileBusy(button, action);
  } catch (error) {
    if (error instanceof BridgeCallError) ctx.announceError(error.error);
    else throw error;
  }
}
