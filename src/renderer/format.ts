/** Money, moments and counts in the user's language: all through Intl. */
import type { Locale, MessageParams, Translate } from '../shared/i18n/index.js';
import { translatePlural, type PluralBase } from '../shared/i18n/plural.js';
import { parseAmount } from '../shared/money.js';

export function formatMoment(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatShortMoment(ms: number, locale: Locale, withTime: boolean): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(ms);
}

/** "07:16": the clock time of a moment today (24-hour, as the tray tooltip shows it). */
export function formatClock(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "07:16" today, "Dec 3, 07:16" on another day: enough to say how old a figure is. */
export function formatAsOf(ms: number, nowMs: number, locale: Locale): string {
  const sameDay = new Date(ms).toDateString() === new Date(nowMs).toDateString();
  return sameDay ? formatClock(ms, locale) : formatShortMoment(ms, locale, true);
}

/** "2 minutes ago", "in 3 hours", "just now": the glance's times (the exact one is on hover/focus). */
export function formatRelative(ms: number, nowMs: number, locale: Locale, t: Translate): string {
  const seconds = Math.round((ms - nowMs) / 1000);
  if (Math.abs(seconds) < 45) return t('window.time.justNow');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

/** An amount without its currency (shown once nearby), with Intl's own minus sign. */
export function formatAmount(amount: string, locale: Locale, sign: 'auto' | 'exceptZero' = 'auto'): string {
  // Every decimal the API sent is shown; Intl formats the string itself, never a float.
  const scale = Math.min(20, Math.max(2, parseAmount(amount)?.scale ?? 2));
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: scale,
    signDisplay: sign,
  }).format(amount as `${number}`);
}

/** Whole days, rounded as a person would say them ("≈ 12 days"). */
export function roundDays(days: number): number {
  return days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
}

export function formatDays(days: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(roundDays(days));
}

/** "1 account needs attention" / "2 accounts need attention"; `shown` is the count as printed. */
export function plural(
  locale: Locale,
  base: PluralBase,
  count: number,
  params: MessageParams = {},
  shown?: string,
): string {
  return translatePlural(locale, base, count, params, shown);
}
