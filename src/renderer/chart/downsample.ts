/**
 * Turns history into chart points and thins them to what the screen can show. A chart
 * `width` pixels wide cannot show more than one column per pixel, so each column keeps its
 * first, lowest, highest and last point: the line looks exactly as with every point, and
 * 20,000 readings become at most 4 × width points.
 */
import { amountToNumber } from '../../shared/money.js';
import type { HistoryEntry } from '../../shared/types.js';

export interface Point {
  at: number;
  /** Where to draw it: an approximation of `balance`, never shown as the amount. */
  value: number;
  balance: string;
}

/** Each span [firstAt, lastAt] of one balance gives its two ends, clipped to the range. */
export function pointsInRange(entries: readonly HistoryEntry[], fromMs: number, toMs: number): Point[] {
  const points: Point[] = [];
  for (const entry of entries) {
    if (entry.lastAt < fromMs || entry.firstAt > toMs) continue;
    const first = Math.max(entry.firstAt, fromMs);
    const last = Math.min(entry.lastAt, toMs);
    const value = amountToNumber(entry.balance);
    points.push({ at: first, value, balance: entry.balance });
    if (last !== first) points.push({ at: last, value, balance: entry.balance });
  }
  return points;
}

/** `points` sorted by time; returns them thinned to `buckets` columns over [fromMs, toMs]. */
export function downsample(points: readonly Point[], fromMs: number, toMs: number, buckets: number): Point[] {
  if (points.length <= buckets * 4 || buckets < 1) return [...points];
  const span = Math.max(1, toMs - fromMs);
  const result: Point[] = [];
  let index = 0;
  while (index < points.length) {
    const head = points[index] as Point;
    const column = Math.min(buckets - 1, Math.floor(((head.at - fromMs) / span) * buckets));
    let low = head;
    let high = head;
    let last = head;
    let lowIndex = index;
    let highIndex = index;
    let next = index + 1;
    for (; next < points.length; next += 1) {
      const point = points[next] as Point;
      if (Math.min(buckets - 1, Math.floor(((point.at - fromMs) / span) * buckets)) !== column) break;
      if (point.value < low.value) [low, lowIndex] = [point, next];
      if (point.value > high.value) [high, highIndex] = [point, next];
      last = point;
    }
    // Keep the column's extremes in time order so the line does not double back.
    const kept = [
      { point: head, order: index },
      { point: low, order: lowIndex },
      { point: high, order: highIndex },
      { point: last, order: next - 1 },
    ].sort((a, b) => a.order - b.order);
    let previousOrder = -1;
    for (const { point, order } of kept) {
      if (order === previousOrder) continue;
      result.push(point);
      previousOrder = order;
    }
    index = next;
  }
  return result;
}

/** Top-ups to mark: at most one per column, so a noisy history does not paint a solid bar. */
export function topUpsInRange(
  entries: readonly HistoryEntry[],
  fromMs: number,
  toMs: number,
  buckets: number,
): HistoryEntry[] {
  const span = Math.max(1, toMs - fromMs);
  const seen = new Set<number>();
  const marks: HistoryEntry[] = [];
  for (const entry of entries) {
    if (!entry.topUp || entry.firstAt < fromMs || entry.firstAt > toMs) continue;
    const column = Math.floor(((entry.firstAt - fromMs) / span) * buckets);
    if (seen.has(column)) continue;
    seen.add(column);
    marks.push(entry);
  }
  return marks;
}
