/**
 * How fast money goes, from the last 7 days of history: a least-squares line through the
 * observed balances. A top-up starts a new segment, and the segments share one slope with
 * their own offsets, so a top-up never reads as "earning money".
 */
import { amountToNumber } from '../../shared/money.js';
import type { Forecast, HistoryEntry } from '../../shared/types.js';

export const DAY_MS = 86_400_000;
export const FORECAST_WINDOW_MS = 7 * DAY_MS;
export const MIN_SPAN_MS = DAY_MS;
export const MIN_CHANGES = 3;

interface Point {
  t: number;
  v: number;
}

/**
 * A fit is an estimate, so it runs on doubles (amountToNumber); no amount it returns is
 * stored or compared as money.
 */
export function forecast(entries: readonly HistoryEntry[], now: number, lowThreshold?: string): Forecast | null {
  const last = entries.at(-1);
  if (!last) return null;
  const since = now - FORECAST_WINDOW_MS;
  // Another currency's numbers cannot share a line with this one's.
  const recent = entries.filter((e) => e.lastAt >= since && e.currency === last.currency);

  const segments: Point[][] = [];
  let spends = 0;
  recent.forEach((entry, i) => {
    const prev = recent[i - 1];
    const value = amountToNumber(entry.balance);
    const rose = !prev || entry.topUp === true || value > amountToNumber(prev.balance);
    if (rose) segments.push([]);
    else spends += 1;
    const segment = segments.at(-1) as Point[];
    // Times relative to the window keep the sums small and exact enough in a double.
    const first = Math.max(entry.firstAt, since) - since;
    segment.push({ t: first, v: value });
    if (entry.lastAt - since > first) segment.push({ t: entry.lastAt - since, v: value });
  });

  // History is in time order, so the span runs from the first point to the last.
  const span = (segments.at(-1)?.at(-1)?.t ?? 0) - (segments[0]?.[0]?.t ?? 0);
  if (span < MIN_SPAN_MS || spends < MIN_CHANGES) return null;

  const slopePerMs = pooledSlope(segments);
  if (slopePerMs === null || slopePerMs >= 0) return null;
  const spendPerDay = -slopePerMs * DAY_MS;
  const balance = amountToNumber(last.balance);
  const low = lowThreshold === undefined ? undefined : amountToNumber(lowThreshold);
  return {
    spendPerDay,
    daysUntilEmpty: balance > 0 ? balance / spendPerDay : null,
    daysUntilLow: low !== undefined && balance > low ? (balance - low) / spendPerDay : null,
  };
}

/** One slope fitted to all segments at once, each around its own mean. */
function pooledSlope(segments: readonly Point[][]): number | null {
  let sxx = 0;
  let sxy = 0;
  for (const segment of segments) {
    if (segment.length < 2) continue;
    const meanT = segment.reduce((sum, p) => sum + p.t, 0) / segment.length;
    const meanV = segment.reduce((sum, p) => sum + p.v, 0) / segment.length;
    for (const p of segment) {
      sxx += (p.t - meanT) ** 2;
      sxy += (p.t - meanT) * (p.v - meanV);
    }
  }
  return sxx === 0 ? null : sxy / sxx;
}
