/**
 * A balance as the glance shows it: the number large with tabular digits, the currency code
 * smaller beside it, and the two kept on one line (the CSS never lets them wrap apart).
 * Intl decides the order and the minus sign for the language; only the styling is ours.
 */
import type { Locale } from '../shared/i18n/index.js';
import { formatMoney, parseAmount } from '../shared/money.js';
import { h } from './dom.js';

export function moneyFigure(amount: string, currency: string, locale: Locale, className = 'figure'): HTMLElement {
  const figure = h('span', { class: className, 'data-testid': 'figure' });
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      minimumFractionDigits: 2,
      maximumFractionDigits: Math.min(20, Math.max(2, parseAmount(amount)?.scale ?? 2)),
    }).formatToParts(amount as `${number}`);
  } catch {
    // A currency Intl does not know: the shared formatter's fallback, unstyled but correct.
    figure.textContent = formatMoney(amount, currency, locale);
    return figure;
  }
  let number = '';
  const flush = () => {
    const text = number.trim();
    // Long amounts step down in size instead of being cut: every digit stays on screen.
    const size = text.length > 15 ? ' figure-longest' : text.length > 11 ? ' figure-long' : '';
    if (text) figure.append(h('span', { class: `figure-amount${size}` }, text));
    number = '';
  };
  for (const part of parts) {
    if (part.type === 'currency') {
      flush();
      figure.append(h('span', { class: 'figure-currency' }, part.value));
    } else if (part.type === 'literal' && part.value.trim() === '') {
      // The space between code and number: the gap comes from CSS.
      flush();
    } else {
      number += part.value;
    }
  }
  flush();
  // Screen readers get the whole amount at once, not two fragments.
  figure.setAttribute('aria-label', formatMoney(amount, currency, locale));
  figure.setAttribute('role', 'text');
  return figure;
}
