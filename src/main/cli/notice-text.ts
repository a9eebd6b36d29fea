/** A notice in words (shared/notice-text.ts, as the desktop says it) or as a JSON Lines object. */
import type { Locale, Translate } from '../../shared/i18n/index.js';
import { noticeText } from '../../shared/notice-text.js';
import type { Notice } from '../../shared/types.js';
import { failureReason, money } from './format.js';

export function noticeLine(t: Translate, locale: Locale, notice: Notice): string {
  // The shared wording, typeset for a terminal: plain spaces, one line.
  const { title, body } = noticeText(notice, t, locale, {
    money: (amount, currency) => money(amount, currency, locale),
    reason: (failure) => failureReason(t, failure),
  });
  return t('cli.notice', { title, body });
}

export function noticeJson(notice: Notice): Record<string, unknown> {
  const json: Record<string, unknown> = {
    event: 'notice',
    account: notice.label,
    kind: notice.kind,
    at: new Date(notice.at).toISOString(),
  };
  if (notice.balance !== undefined) json.balance = notice.balance;
  if (notice.currency !== undefined) json.currency = notice.currency;
  if (notice.threshold !== undefined) json.threshold = notice.threshold;
  if (notice.days !== undefined) json.days = notice.days;
  if (notice.failure) {
    const { kind, code, message } = notice.failure;
    json.error = code === undefined ? { kind, message } : { kind, code, message };
  }
  return json;
}
