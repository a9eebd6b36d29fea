/**
 * A notice from the engine in the user's words: the title and body the desktop shows in a
 * notification and the CLI prints in a line. Built in this one place so both say the same
 * thing; a front end only chooses how money and reasons are typeset (the terminal wants
 * plain spaces and one line).
 */
import { describeFailure } from './failure-text.js';
import type { Locale, MessageParams, Translate } from './i18n/index.js';
import { translatePlural } from './i18n/plural.js';
import { formatMoney } from './money.js';
import type { FetchFailure, Notice } from './types.js';

export interface NoticeStyle {
  money(amount: string, currency: string): string;
  reason(failure: FetchFailure): string;
}

export function noticeText(
  notice: Notice,
  t: Translate,
  locale: Locale,
  style: NoticeStyle = {
    money: (amount, currency) => formatMoney(amount, currency, locale),
    reason: (failure) => describeFailure(failure, t),
  },
): { title: string; body: string } {
  const currency = notice.currency ?? '';
  const params: MessageParams = { label: notice.label };
  if (notice.balance !== undefined) params.balance = style.money(notice.balance, currency);
  if (notice.threshold !== undefined) params.threshold = style.money(notice.threshold, currency);
  if (notice.failure) params.reason = style.reason(notice.failure);
  const title = t(`notice.${notice.kind}.title`, params);
  if (notice.kind === 'forecast') return { title, body: forecastBody(notice.days ?? 0, t, locale) };
  return { title, body: t(`notice.${notice.kind}.body`, params) };
}

/** Whole days, counted ("1 more day"); under half a day there is no honest count to give. */
function forecastBody(days: number, t: Translate, locale: Locale): string {
  const count = Math.round(days);
  if (count < 1) return t('notice.forecast.body.underOne');
  return translatePlural(locale, 'notice.forecast.body', count, {}, new Intl.NumberFormat(locale).format(count));
}
