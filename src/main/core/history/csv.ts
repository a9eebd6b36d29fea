/**
 * History as RFC 4180 CSV for spreadsheets: CRLF line ends, a header row, ISO-8601 UTC
 * times and exact decimal balances. Column names are fixed English identifiers (not
 * translated) so scripts reading the export do not depend on the app's language.
 */
import type { HistoryEntry } from '../../../shared/types.js';

export const CSV_HEADER = ['account', 'currency', 'first_seen_utc', 'last_seen_utc', 'balance', 'top_up'] as const;

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(values: readonly string[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

export function toCsv(label: string, entries: readonly HistoryEntry[]): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  return (
    row(CSV_HEADER) +
    entries
      .map((e) => row([label, e.currency, iso(e.firstAt), iso(e.lastAt), e.balance, e.topUp ? 'yes' : 'no']))
      .join('')
  );
}
