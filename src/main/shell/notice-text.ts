/** A notice from the engine in the user's words: the title and body of a native notification. */
import { describeFailure } from '../../shared/failure-text.js';
import type { Locale, MessageParams, Translate } from '../../shared/i18n/index.js';
import { formatMoney } from '../../shared/money.js';
import type { Notice } from '../../shared/types.js';

export function noticeText(notice: Notice, t: Translate, locale: Locale): { title: string; body: string } {
  const currency = notice.currency ?? '';
  const params: MessageParams = { label: notice.label };
  if (notice.balance !== undefined) params.balance = formatMoney(notice.balance, currency, locale);
  if (notice.threshold !== undefined) params.threshold = formatMoney(notice.threshold, currency, locale);
  if (notice.failure) params.reason = describeFailure(notice.failure, t);
  if (notice.days !== undefined)
    params.days = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(notice.days);
  return { title: t(`notice.${notice.kind}.title`, params), body: t(`notice.${notice.kind}.body`, params) };
}
