/**
 * One account in full: back to the glance, the card's facts at a larger size, the chart and
 * the latest readings. Reached from a card's "Details", Enter on a card, or the tray's menu.
 */
import type { AccountSnapshot } from '../../shared/types.js';
import { BridgeCallError, unwrap } from '../bridge.js';
import { whileBusy } from '../busy.js';
import type { ViewContext } from '../context.js';
import { h } from '../dom.js';
import { formatMoney } from '../../shared/money.js';
import { formatMoment } from '../format.js';
import { icon } from '../icons.js';
import { accountCard } from './account-card.js';
import { chartSection } from './balance-chart.js';
import { readingsTable } from './readings-table.js';

export function detailView(ctx: ViewContext, account: AccountSnapshot, nowMs: number): HTMLElement {
  const { t } = ctx;
  const back = h(
    'button',
    { type: 'button', class: 'button button-quiet button-back', 'data-action': 'back', 'data-focus-key': 'back' },
    icon('back'),
    h('span', {}, t('window.detail.back')),
  );
  back.addEventListener('click', () => ctx.navigate({ view: 'overview' }));
  const card = accountCard(ctx, account, nowMs);
  card.removeAttribute('tabindex');
  card.querySelector('[data-action="details"]')?.remove();
  // In the detail view the label is the page's heading.
  const label = card.querySelector('h2');
  if (label) {
    const heading = h('h1', { class: label.className, id: label.id, title: account.label }, account.label);
    label.replaceWith(heading);
  }

  const exportCsv = h(
    'button',
    { type: 'button', class: 'button button-small', 'data-action': 'export', 'data-focus-key': 'export' },
    icon('download'),
    h('span', {}, t('window.overview.export')),
  );
  exportCsv.addEventListener('click', () => {
    void whileBusy(exportCsv, async () => {
      try {
        const result = await unwrap(ctx.bridge.exportCsv({ accountId: account.id }));
        ctx.announce(
          result.saved
            ? t('window.overview.exported', { path: result.path ?? '' })
            : t('window.overview.exportCancelled'),
        );
      } catch (error) {
        if (error instanceof BridgeCallError) ctx.announceError(error.error);
        else throw error;
      }
    });
  });
  const edit = h(
    'button',
    { type: 'button', class: 'button button-small', 'data-action': 'edit', 'data-focus-key': 'edit' },
    h('span', {}, t('window.detail.edit')),
  );
  edit.addEventListener('click', () => ctx.navigate({ view: 'accounts', editing: account.id }));
  card.append(h('div', { class: 'card-actions detail-actions' }, exportCsv, edit));

  const facts = h(
    'dl',
    { class: 'facts' },
    fact(t('window.overview.nextCheck'), nextCheck(ctx, account)),
    fact(t('window.detail.spending'), spending(ctx, account)),
  );
  const details = h(
    'div',
    { class: 'history-details' },
    h('p', { class: 'muted' }, t('window.overview.loadingHistory')),
  );
  void ctx.history(account.id).then((entries) => {
    details.replaceChildren(
      chartSection(ctx, {
        account,
        entries,
        range: ctx.chartRange,
        onRange: (range) => ctx.setChartRange(range),
        cursor: ctx.chartCursor(account.id),
        onCursor: (at) => ctx.setChartCursor(account.id, at),
      }),
      readingsTable(ctx, entries),
    );
    // The render that built this view restored focus before the chart existed.
    if (ctx.focusKey) details.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(ctx.focusKey)}"]`)?.focus();
  });
  return h(
    'section',
    { class: 'view view-detail', 'data-view': 'detail', 'data-account': account.id },
    back,
    card,
    facts,
    details,
  );
}

function fact(term: string, value: string): HTMLElement {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}

function nextCheck(ctx: ViewContext, account: AccountSnapshot): string {
  const { t, locale } = ctx;
  if (account.pausedUntil !== null) {
    return typeof account.pausedUntil === 'number'
      ? t('window.overview.pausedUntil', { time: formatMoment(account.pausedUntil, locale) })
      : t('status.paused');
  }
  if (!account.enabled) return t('window.overview.disabled');
  return account.nextCheckAt === null ? t('window.overview.notScheduled') : formatMoment(account.nextCheckAt, locale);
}

function spending(ctx: ViewContext, account: AccountSnapshot): string {
  const { t, locale } = ctx;
  const perDay = account.forecast?.spendPerDay;
  const currency = account.lastReading?.currency;
  if (perDay === undefined || !currency) return t('window.forecast.unknown');
  if (perDay <= 0) return t('window.forecast.notSpending');
  // An estimate from the forecast fit, shown to the cent.
  return t('window.detail.perDay', { amount: formatMoney(perDay.toFixed(2), currency, locale) });
}
