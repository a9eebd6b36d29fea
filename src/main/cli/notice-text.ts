/** A notice in words (title and body from the shared catalog) or as a JSON Lines object. */
import type { Locale, MessageKey, Translate } from '../../shared/i18n/index.js';
import type { Notice } from '../../shared/types.js';
import { failureReason, money } from './format.js';

export function noticeLine(t: Translate, locale: Locale, notice: Notice): string {
  const currency = notice.currency ?? '';
  const params = {
    label: notice.label,
    balance: notice.balance === undefined ? '' : money(notice.balance, currency, locale),
    threshold: notice.threshold === undefined ? '' : money(notice.threshold, currency, locale),
    reason: notice.failure ? failureReason(t, notice.failure) : '',
    days: notice.days ?? '',
  };
  const title = t(`notice.${notice.kind}.title` as MessageKey, params);
  const body = t(`notice.${notice.kind}.body` as MessageKey, params);
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
