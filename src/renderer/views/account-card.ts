/**
 * One account on the glance: label and state on top, the figure large, then what it means
 * (distance to the next threshold, days left), the 7-day trend with when it was checked, and
 * the actions. A figure that is not current is dimmed and says its age and why.
 */
import { describeFailure } from '../../shared/failure-text.js';
import type { AccountSnapshot, HistoryEntry } from '../../shared/types.js';
import { sparkline } from '../chart/sparkline.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';
import { formatAmount, formatAsOf, formatMoment, formatRelative, plural, roundDays } from '../format.js';
import { credentialsRejected, isDimmed, outlook, thresholdDistance } from '../glance-facts.js';
import { icon } from '../icons.js';
import { moneyFigure } from '../money-figure.js';
import { statusBadge } from '../status-badge.js';
import { refreshAccount } from './refresh-action.js';

const SPARK = { width: 96, height: 22 };

/** A relative time that shows the exact one on hover (title) and on focus (CSS, from data-exact). */
export function relativeTime(ctx: ViewContext, text: string, atMs: number): HTMLElement {
  const exact = formatMoment(atMs, ctx.locale);
  return h(
    'time',
    {
      class: 'rel-time',
      datetime: new Date(atMs).toISOString(),
      title: exact,
      tabindex: 0,
      'data-exact': exact,
      'aria-label': `${text} (${exact})`,
    },
    text,
  );
}

export function accountCard(ctx: ViewContext, account: AccountSnapshot, nowMs: number): HTMLElement {
  const { t, locale } = ctx;
  const reading = account.lastReading;
  const labelId = uniqueId('card-label');
  const dim = isDimmed(account);
  const rejected = credentialsRejected(account);

  const figureLine = h('p', { class: 'card-figure' });
  if (reading) {
    figureLine.append(moneyFigure(reading.balance, reading.currency, locale, dim ? 'figure is-dim' : 'figure'));
    if (dim)
      figureLine.append(
        h('span', { class: 'as-of' }, t('window.card.asOf', { time: formatAsOf(reading.fetchedAt, nowMs, locale) })),
      );
  } else {
    figureLine.append(h('span', { class: 'figure figure-none' }, t('window.overview.noReading')));
  }

  const facts: string[] = [];
  const distance = thresholdDistance(account);
  if (distance && reading) {
    facts.push(
      distance.kind === 'nothingLeft'
        ? t('window.card.nothingLeft')
        : t(`window.card.${distance.kind}`, { amount: formatAmount(distance.amount, locale) }),
    );
  }
  const future = outlook(account);
  if (future?.kind === 'days' && future.days > 365) {
    facts.push(t('window.card.overAYear'));
  } else if (future?.kind === 'days') {
    const days = roundDays(future.days);
    facts.push(plural(locale, 'window.card.daysLeft', days));
  } else if (future?.kind === 'notSpending') {
    facts.push(t('window.card.notSpending'));
  }

  const problem = problemText(ctx, account, rejected);
  // A failing account was tried just now; its figure's age is already in "as of".
  const failedAt = dim ? account.lastFailure?.at : undefined;
  const checkedAt = failedAt ?? reading?.fetchedAt;
  const checkedKey = failedAt === undefined ? 'window.card.checked' : 'window.card.failed';
  const trend = h('span', { class: 'card-trend' });
  void ctx.history(account.id).then((entries: HistoryEntry[]) => {
    trend.replaceChildren(
      sparkline(entries, nowMs, SPARK.width, SPARK.height),
      h('span', { class: 'trend-label' }, t('window.card.week')),
    );
  });

  const refresh = h(
    'button',
    {
      type: 'button',
      class: 'button button-icon',
      'data-action': 'refresh',
      'data-focus-key': `refresh-${account.id}`,
      'aria-label': t('window.card.refreshNamed', { label: account.label }),
      title: t('window.overview.refresh'),
    },
    icon('refresh'),
  );
  refresh.addEventListener('click', () => void refreshAccount(ctx, account, refresh));
  const details = h(
    'button',
    {
      type: 'button',
      class: 'button button-icon',
      'data-action': 'details',
      'data-focus-key': `details-${account.id}`,
      'aria-label': t('window.card.detailsNamed', { label: account.label }),
      title: t('window.card.details'),
    },
    icon('details'),
  );
  details.addEventListener('click', () => ctx.navigate({ view: 'overview', accountId: account.id }));
  let edit: HTMLButtonElement | null = null;
  if (rejected || !account.hasSecret) {
    edit = h(
      'button',
      {
        type: 'button',
        class: 'button button-small button-primary',
        'data-action': 'edit-credentials',
        'data-focus-key': `credentials-${account.id}`,
      },
      icon('key'),
      h('span', {}, t('window.card.editCredentials')),
    );
    edit.addEventListener('click', () => ctx.navigate({ view: 'accounts', editing: account.id }));
  }

  const card = h(
    'article',
    {
      class: `card card-${account.status}${dim ? ' card-dim' : ''}`,
      tabindex: 0,
      'aria-labelledby': labelId,
      'data-card': account.id,
      'data-status': account.status,
      'data-focus-key': `card-${account.id}`,
    },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { class: 'card-label', id: labelId, title: account.label }, account.label),
      statusBadge(account.status, t),
    ),
    figureLine,
    facts.length ? h('p', { class: 'card-facts', 'data-testid': 'facts' }, facts.join(' · ')) : null,
    problem ? h('p', { class: 'card-problem', 'data-testid': 'problem' }, problem) : null,
    edit ? h('div', { class: 'card-actions' }, edit) : null,
    h(
      'div',
      { class: 'card-foot' },
      trend,
      h(
        'span',
        { class: 'card-checked' },
        checkedAt === undefined
          ? t('window.card.notChecked')
          : relativeTime(ctx, t(checkedKey, { when: formatRelative(checkedAt, nowMs, locale, t) }), checkedAt),
      ),
      h('span', { class: 'card-buttons' }, refresh, details),
    ),
  );
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === card) {
      event.preventDefault();
      ctx.navigate({ view: 'overview', accountId: account.id });
    }
  });
  return card;
}

function problemText(ctx: ViewContext, account: AccountSnapshot, rejected: boolean): string | null {
  const { t } = ctx;
  if (!account.hasSecret) return t('window.card.noSecret');
  if (rejected) return t('window.card.rejected');
  if ((account.status === 'stale' || account.status === 'error') && account.lastFailure) {
    return describeFailure(account.lastFailure, t);
  }
  if (account.status === 'paused' && typeof account.pausedUntil === 'number') {
    return t('window.overview.pausedUntil', { time: formatMoment(account.pausedUntil, ctx.locale) });
  }
  return null;
}
