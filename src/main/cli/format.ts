/**
 * How readings and failures look on a terminal and in JSON Lines. JSON keys and values are
 * a machine interface and stay in English; the human lines go through the catalogs.
 */
import { describeFailure } from '../../shared/failure-text.js';
import type { Locale, Translate } from '../../shared/i18n/index.js';
import type { FetchFailure, Reading } from '../../shared/types.js';
import { terminalMoney } from './terminal-money.js';

const pad = (value: number): string => String(value).padStart(2, '0');

/** Local wall-clock time, "2026-11-28 10:15:02": sortable, and the same in every language. */
export function localTime(epochMs: number): string {
  const d = new Date(epochMs);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * Both terminal languages write money alike (terminal-money.ts), with a plain space after the
 * code, as a line that scripts grep and people paste should have.
 */
export function money(amount: string, currency: string, _locale: Locale): string {
  return terminalMoney(amount, currency);
}

export function readingLine(t: Translate, locale: Locale, reading: Reading, label: string | null): string {
  const params = { money: money(reading.balance, reading.currency, locale), time: localTime(reading.fetchedAt) };
  return label === null ? t('cli.readingSingle', params) : t('cli.reading', { ...params, label });
}

/** One line: the API's code and message verbatim, or our description of what went wrong. */
export function failureReason(t: Translate, failure: FetchFailure): string {
  return describeFailure(failure, t).replace(/\s*\n\s*/g, ' ');
}

export function failureLine(t: Translate, failure: FetchFailure, label: string | null): string {
  const reason = failureReason(t, failure);
  return label === null ? reason : t('cli.failure', { label, reason });
}

export interface JsonReading {
  account: string | null;
  currency: string;
  balance: string;
  fetchedAt: string;
}

export interface JsonFailure {
  account: string | null;
  /** clockOffsetSec: this computer's clock minus the server's, when the timestamp was refused. */
  error: { kind: FetchFailure['kind']; code?: string; message: string; clockOffsetSec?: number };
}

export function jsonReading(reading: Reading, account: string | null): JsonReading {
  return {
    account,
    currency: reading.currency,
    balance: reading.balance,
    fetchedAt: new Date(reading.fetchedAt).toISOString(),
  };
}

export function jsonFailure(failure: FetchFailure, account: string | null): JsonFailure {
  const error: JsonFailure['error'] = { kind: failure.kind, message: failure.message };
  if (failure.code !== undefined) error.code = failure.code;
  if (failure.clockOffsetMs !== undefined) error.clockOffsetSec = Math.round(failure.clockOffsetMs / 1000);
  return { account, error };
}

export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
