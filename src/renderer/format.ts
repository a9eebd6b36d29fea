/** Money, moments and counts in the user's language: all through Intl. */
import type { Locale } from '../shared/i18n/index.js';
import { canonicalAmount, formatMoney } from '../shared/money.js';

export function formatMoment(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatShortMoment(ms: number, locale: Locale, withTime: boolean): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(ms);
}

/** A threshold as the user typed it, shown as money; the raw text if it is not a decimal. */
export function formatThreshold(text: string, currency: string, locale: Locale): string {
  const amount = canonicalAmount(text);
  return amount === null ? text : formatMoney(amount, currency, locale);
}

/** Whole days, rounded as a person would say them ("≈ 12 days"). */
export function formatDays(days: number, locale: Locale): string {
  const rounded = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(rounded);
}
