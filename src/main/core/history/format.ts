/**
 * The history file's shape. A year of entries must stay well under 1 MB, so each entry is a
 * short array rather than an object, the span is stored instead of a second timestamp, and
 * the currency is written once for the file and repeated only on the entries that differ.
 *
 * Version 2 stores the balance as the exact decimal string; version 1 stored integer cents,
 * which cannot hold a third decimal or more than 2^53 cents. Version 1 files are still read.
 */
import { z } from 'zod';
import { formatAmount, isAmount } from '../../../shared/money.js';
import type { HistoryEntry } from '../../../shared/types.js';

const TOP_UP = 1;
const int = z.number().int().refine(Number.isSafeInteger);
const amount = z.string().refine(isAmount);
const tail = [int.optional(), z.string().min(1).optional()] as const;

const fileSchema = z.discriminatedUnion('version', [
  z.object({
    version: z.literal(1),
    currency: z.string(),
    // [firstAt, lastAt - firstAt, cents, flags?, currency?]
    entries: z.array(z.tuple([int, int.nonnegative(), int, ...tail])),
  }),
  z.object({
    version: z.literal(2),
    currency: z.string(),
    // [firstAt, lastAt - firstAt, balance, flags?, currency?]
    entries: z.array(z.tuple([int, int.nonnegative(), amount, ...tail])),
  }),
]);

export function encodeHistory(entries: readonly HistoryEntry[]): string {
  const currency = entries.at(-1)?.currency ?? '';
  const rows = entries.map((e) => {
    const row: Array<number | string> = [e.firstAt, e.lastAt - e.firstAt, e.balance];
    const otherCurrency = e.currency !== currency;
    if (e.topUp || otherCurrency) row.push(e.topUp ? TOP_UP : 0);
    if (otherCurrency) row.push(e.currency);
    return row;
  });
  return JSON.stringify({ version: 2, currency, entries: rows });
}

/** Throws on anything that is not a history file this or an earlier version wrote. */
export function decodeHistory(text: string): HistoryEntry[] {
  const file = fileSchema.parse(JSON.parse(text));
  return file.entries.map(([firstAt, span, stored, flags = 0, currency = file.currency]) => ({
    firstAt,
    lastAt: firstAt + span,
    balance: typeof stored === 'number' ? formatAmount({ digits: BigInt(stored), scale: 2 }) : stored,
    currency,
    ...(flags & TOP_UP ? { topUp: true } : {}),
  }));
}
