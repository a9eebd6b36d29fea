import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/main/core/history/csv.js';
import type { HistoryEntry } from '../../src/shared/types.js';

const entries: HistoryEntry[] = [
  {
    firstAt: Date.UTC(2025, 0, 2, 3, 4, 5),
    lastAt: Date.UTC(2025, 0, 2, 4, 0, 0),
    balance: '1234.56',
    currency: 'USD',
  },
  { firstAt: Date.UTC(2025, 0, 3), lastAt: Date.UTC(2025, 0, 3), balance: '-0.05', currency: 'USD', topUp: true },
];

describe('toCsv', () => {
  it('writes a header and one CRLF-ended row per entry, UTC times, exact decimals', () => {
    expect(toCsv('Main', entries)).toBe(
      'account,currency,first_seen_utc,last_seen_utc,balance,top_up\r\n' +
        'Main,USD,2025-01-02T03:04:05.000Z,2025-01-02T04:00:00.000Z,1234.56,no\r\n' +
        'Main,USD,2025-01-03T00:00:00.000Z,2025-01-03T00:00:00.000Z,-0.05,yes\r\n',
    );
  });

  it.each([
    ['comma', 'A, B', '"A, B"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['line feed', 'two\nlines', '"two\nlines"'],
    ['carriage return', 'cr\rhere', '"cr\rhere"'],
    ['plain CJK', '主账户', '主账户'],
  ])('quotes a label with a %s as RFC 4180 says', (_name, label, quoted) => {
    const [, row] = toCsv(label, entries.slice(0, 1)).split('\r\n');
    expect(row).toBe(`${quoted},USD,2025-01-02T03:04:05.000Z,2025-01-02T04:00:00.000Z,1234.56,no`);
  });

  it('an empty history is just the header', () => {
    expect(toCsv('Main', [])).toBe('account,currency,first_seen_utc,last_seen_utc,balance,top_up\r\n');
  });
});
