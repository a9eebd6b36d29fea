/** The periods the chart offers, and the time span each covers. */
import type { HistoryEntry } from '../../shared/types.js';

export type ChartRange = '24h' | '7d' | '30d' | 'all';
export const CHART_RANGES: readonly ChartRange[] = ['24h', '7d', '30d', 'all'];

const DAY_MS = 86_400_000;
const LENGTH_MS: Record<Exclude<ChartRange, 'all'>, number> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
};

export function rangeBounds(
  range: ChartRange,
  entries: readonly HistoryEntry[],
  nowMs: number,
): { fromMs: number; toMs: number } {
  const lastAt = entries.at(-1)?.lastAt ?? nowMs;
  const toMs = Math.max(nowMs, lastAt);
  if (range !== 'all') return { fromMs: toMs - LENGTH_MS[range], toMs };
  const firstAt = entries[0]?.firstAt ?? toMs - DAY_MS;
  return { fromMs: Math.min(firstAt, toMs - 60_000), toMs };
}
