/**
 * The latest readings, newest first, grouped under one heading per day. The currency is said
 * once in the title and the date once per group, so a row is just time, balance and change;
 * every sign comes from Intl, so there is one kind of minus sign.
 */
import { sameAmount, subtractAmounts } from '../../shared/money.js';
import type { HistoryEntry } from '../../shared/types.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';
import { formatAmount, formatClock } from '../format.js';

const ROWS = 24;

export function readingsTable(ctx: ViewContext, entries: readonly HistoryEntry[]): HTMLElement {
  const { t, locale } = ctx;
  const headingId = uniqueId('readings');
  const currency = entries.at(-1)?.currency;
  const heading = h(
    'h2',
    { id: headingId },
    currency ? t('window.readings.titleIn', { currency }) : t('window.readings.title'),
  );
  if (entries.length === 0) return h('section', { class: 'readings' }, heading, h('p', {}, t('window.readings.none')));
  const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric' });
  const body: HTMLElement[] = [];
  let day = '';
  for (let index = entries.length - 1; index >= Math.max(0, entries.length - ROWS); index -= 1) {
    const entry = entries[index] as HistoryEntry;
    const previous = entries[index - 1];
    const thisDay = dayFormat.format(entry.lastAt);
    if (thisDay !== day) {
      day = thisDay;
      body.push(h('tr', { class: 'day-row' }, h('th', { scope: 'colgroup', colspan: 3 }, thisDay)));
    }
    let change = '';
    if (previous && previous.currency === entry.currency && !sameAmount(entry.balance, previous.balance)) {
      change = formatAmount(subtractAmounts(entry.balance, previous.balance), locale, 'exceptZero');
      if (entry.topUp) change = `${change} · ${t('window.readings.topUpShort')}`;
    }
    body.push(
      h(
        'tr',
        { class: entry.topUp ? 'is-topup' : undefined },
        h('td', {}, formatClock(entry.lastAt, locale)),
        h('td', { class: 'number' }, formatAmount(entry.balance, locale)),
        h('td', { class: 'number change' }, change),
      ),
    );
  }
  return h(
    'section',
    { class: 'readings' },
    heading,
    h(
      'table',
      { 'aria-labelledby': headingId },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('window.readings.when')),
          h('th', { scope: 'col', class: 'number' }, t('window.readings.balance')),
          h('th', { scope: 'col', class: 'number' }, t('window.readings.change')),
        ),
      ),
      h('tbody', {}, body),
    ),
  );
}
