/** The latest readings, newest first, with the change from the one before. */
import { compareAmounts, formatMoney, negateAmount, subtractAmounts } from '../../shared/money.js';
import type { HistoryEntry } from '../../shared/types.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';
import { formatMoment } from '../format.js';

const ROWS = 10;

export function readingsTable(ctx: ViewContext, entries: readonly HistoryEntry[]): HTMLElement {
  const { t, locale } = ctx;
  const headingId = uniqueId('readings');
  const heading = h('h2', { id: headingId }, t('window.readings.title'));
  if (entries.length === 0) return h('section', { class: 'readings' }, heading, h('p', {}, t('window.readings.none')));
  const rows: HTMLElement[] = [];
  for (let index = entries.length - 1; index >= Math.max(0, entries.length - ROWS); index -= 1) {
    const entry = entries[index] as HistoryEntry;
    const previous = entries[index - 1];
    let change = '';
    if (previous && previous.currency === entry.currency) {
      const delta = subtractAmounts(entry.balance, previous.balance);
      const sign = compareAmounts(delta, '0');
      const amount = formatMoney(sign < 0 ? negateAmount(delta) : delta, entry.currency, locale);
      change = sign === 0 ? '' : `${sign > 0 ? '+' : '−'}${amount}`;
      if (entry.topUp) change = t('window.readings.topUp', { change });
    }
    rows.push(
      h(
        'tr',
        {},
        h('td', {}, formatMoment(entry.lastAt, locale)),
        h('td', { class: 'number' }, formatMoney(entry.balance, entry.currency, locale)),
        h('td', { class: 'number' }, change),
      ),
    );
  }
  return h(
    'section',
    { class: 'readings' },
    heading,
    h(
      'div',
      { class: 'table-scroll' },
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
        h('tbody', {}, rows),
      ),
    ),
  );
}
