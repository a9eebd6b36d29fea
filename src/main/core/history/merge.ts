/**
 * Two writers' views of one account's history made into one. The app (or `watch`, `serve`)
 * keeps the history in memory and rewrites the file; `check` from a terminal appends a
 * reading to the same file meanwhile. Each write merges with what is on disk, so neither
 * loses the other's readings.
 *
 * A union: an entry both sides hold (loaded from the same file) appears once; a span of
 * the same balance that overlaps or touches another of the same balance becomes one span,
 * as `HistoryLog.append` would have made it had one process seen both readings. Entries
 * with different balances are kept side by side, ordered by when they were first seen.
 */
import { compareAmounts } from '../../../shared/money.js';
import type { HistoryEntry } from '../../../shared/types.js';

const sameFigure = (a: HistoryEntry, b: HistoryEntry): boolean =>
  a.currency === b.currency && compareAmounts(a.balance, b.balance) === 0;

export function mergeHistories(mine: readonly HistoryEntry[], theirs: readonly HistoryEntry[]): HistoryEntry[] {
  const all = [...mine, ...theirs]
    .map((entry) => ({ ...entry }))
    .sort((a, b) => a.firstAt - b.firstAt || a.lastAt - b.lastAt);
  const merged: HistoryEntry[] = [];
  for (const entry of all) {
    // The nearest earlier entry with the same figure, if nothing different was seen since.
    const last = merged.at(-1);
    if (last && sameFigure(last, entry)) {
      last.lastAt = Math.max(last.lastAt, entry.lastAt);
      if (entry.topUp && entry.firstAt === last.firstAt) last.topUp = true;
      continue;
    }
    if (!coveredEarlier(merged, entry)) merged.push(entry);
  }
  return merged;
}

/**
 * A reading an earlier span of the same figure already accounts for (another balance was
 * seen in between by the other writer). Looks back only over spans still open when `entry`
 * began, so normal, non-overlapping histories cost one comparison; when in doubt the entry
 * is kept: a redundant entry is harmless, a lost one is not.
 */
function coveredEarlier(merged: readonly HistoryEntry[], entry: HistoryEntry): boolean {
  for (let index = merged.length - 1; index >= 0; index--) {
    const kept = merged[index] as HistoryEntry;
    if (kept.lastAt < entry.firstAt) return false;
    if (sameFigure(kept, entry) && entry.lastAt <= kept.lastAt) return true;
  }
  return false;
}
