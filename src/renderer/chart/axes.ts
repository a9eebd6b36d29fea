/**
 * The chart's scales and ticks. Y ticks are "nice" (1, 2 or 5 × 10^n, from d3-scale) and stay
 * whole minor units, so a label is formatted from an exact decimal, never a float. X ticks fall
 * on hour or day boundaries in the user's own time zone (d3's time scale works in local time).
 * Threshold labels are nudged apart so two lines close together never print over each other.
 */
import { scaleLinear, scaleTime } from 'd3-scale';
import { centsText } from '../cents.js';

export interface ValueAxis {
  /** Domain in minor units, widened to whole ticks. */
  low: number;
  high: number;
  /** Tick values in minor units (integers). */
  ticks: number[];
  /** Decimals the labels need: 0 when every tick is a whole unit of currency. */
  decimals: 0 | 1 | 2;
}

/** Ticks covering [min, max] (minor units) with about `count` steps of 1, 2 or 5 × 10^n. */
export function valueAxis(min: number, max: number, count = 4): ValueAxis {
  let [from, to] = min <= max ? [min, max] : [max, min];
  if (from === to) {
    // One value: a band around it, so the line sits mid-chart instead of on the frame.
    const pad = Math.max(100, Math.abs(from) * 0.1);
    from -= pad;
    to += pad;
  }
  const scale = scaleLinear().domain([from, to]).nice(count);
  // A step below one cent makes no sense for money: widen to whole minor units.
  let ticks = scale.ticks(count).filter(Number.isInteger);
  if (ticks.length < 2) ticks = [Math.floor(from), Math.ceil(to)];
  const [low, high] = scale.domain() as [number, number];
  const decimals = ticks.every((tick) => tick % 100 === 0) ? 0 : ticks.every((tick) => tick % 10 === 0) ? 1 : 2;
  return { low: Math.min(low, ticks[0] as number), high: Math.max(high, ticks.at(-1) as number), ticks, decimals };
}

/** A tick label as a plain number in the user's language (the currency is shown once, on the axis). */
export function formatTick(minor: number, decimals: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    centsText(minor) as `${number}`,
  );
}

export interface TimeTick {
  at: number;
  /** The tick starts a new day (label with the date, not the hour). */
  day: boolean;
}

/** About `count` ticks on whole hours or days of the local time zone. */
export function timeTicks(fromMs: number, toMs: number, count: number): TimeTick[] {
  const ticks = scaleTime()
    .domain([new Date(fromMs), new Date(toMs)])
    .ticks(Math.max(2, count));
  return ticks.map((date) => ({
    at: date.getTime(),
    day: date.getHours() === 0 && date.getMinutes() === 0,
  }));
}

/**
 * Positions for labels that want to sit at `wanted` (pixels, any order), each `height` tall,
 * kept within [top, bottom]: pushed apart until no two overlap. Returns them in input order.
 */
export function spreadLabels(wanted: readonly number[], height: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y);
  const placed = order.map((item) => item.y);
  for (let i = 0; i < placed.length; i += 1) {
    placed[i] = Math.max(placed[i] as number, top, i > 0 ? (placed[i - 1] as number) + height : top);
  }
  // Pushed past the bottom: walk back up so the last one fits, keeping the gaps.
  for (let i = placed.length - 1; i >= 0; i -= 1) {
    const limit = i === placed.length - 1 ? bottom : (placed[i + 1] as number) - height;
    placed[i] = Math.min(placed[i] as number, limit);
  }
  const result: number[] = new Array<number>(wanted.length);
  order.forEach((item, i) => {
    result[item.index] = placed[i] as number;
  });
  return result;
}
