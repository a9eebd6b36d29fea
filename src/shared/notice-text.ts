/**
 * A notice from the engine in the user's words: the title and body the desktop shows in a
 * notification and the CLI prints in a line. Built in this one place so both say the same
 * thing; a front end only chooses how money and reasons are typeset (the terminal wants
 * plain spaces and one line).
 */
import { describeFailure } from './failure-text.js';
import type { Locale, MessageParams, Translate } from './i18n/index.js';
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
  if (notice.days !== undefined)
    params.days = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(notice.days);
  return { title: t(`notice.${notice.kind}.title`, params), body: t(`notice.${notice.kind}.body`, params) };
}
