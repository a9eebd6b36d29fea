/**
 * The history file's shape. A year of entries must stay well under 1 MB, so each entry is a
 * short array rather than an object, the span is stored instead of a second timestamp, and
 * the currency is written once for the file and repeated only on the entries that differ.
 */
import { z } from 'zod';
import type { HistoryEntry } from '../../../shared/types.js';

const TOP_UP = 1;
const int = z.number().int().refine(Number.isSafeInteger);

const fileSchema = z.object({
  version: z.literal(1),
  currency: z.string(),
  // [firstAt, lastAt - firstAt, minorUnits, flags?, currency?]
  entries: z.array(z.tuple([int, int.nonnegative(), int, int.optional(), z.string().min(1).optional()])),
});

export function encodeHistory(entries: readonly HistoryEntry[]): string {
  const currency = entries.at(-1)?.currency ?? '';
  const rows = entries.map((e) => {
    const row: Array<number | string> = [e.firstAt, e.lastAt - e.firstAt, e.minorUnits];
    const otherCurrency = e.currency !== currency;
    if (e.topUp || otherCurrency) row.push(e.topUp ? TOP_UP : 0);
    if (otherCurrency) row.push(e.currency);
    return row;
  });
  return JSON.stringify({ version: 1, currency, entries: rows });
}

/** Throws on anything that is not a history file this version wrote. */
export function decodeHistory(text: string): HistoryEntry[] {
  const file = fileSchema.parse(JSON.parse(text));
  return file.entries.map(([firstAt, span, minorUnits, flags = 0, currency = file.currency]) => ({
    firstAt,
    lastAt: firstAt + span,
    minorUnits,
    currency,
    ...(flags & TOP_UP ? { topUp: true } : {}),
  }));
}
