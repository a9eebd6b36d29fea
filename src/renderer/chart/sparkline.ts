/** A card's 7-day trend: one thin line, no axes. The card says the numbers; this says the shape. */
import type { HistoryEntry } from '../../shared/types.js';
import { s } from '../dom.js';
import { downsample, pointsInRange } from './downsample.js';

export const SPARK_DAYS = 7;

export function sparkline(
  entries: readonly HistoryEntry[],
  nowMs: number,
  width: number,
  height: number,
): SVGSVGElement {
  const toMs = nowMs;
  const fromMs = toMs - SPARK_DAYS * 86_400_000;
  const points = downsample(pointsInRange(entries, fromMs, toMs), fromMs, toMs, width);
  const svg = s('svg', {
    class: 'sparkline',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'aria-hidden': 'true',
    focusable: 'false',
    'data-points': points.length,
  });
  if (points.length < 2) {
    svg.append(s('line', { class: 'sparkline-base', x1: 0, x2: width, y1: height - 1, y2: height - 1 }));
    return svg;
  }
  let low = Infinity;
  let high = -Infinity;
  for (const point of points) {
    low = Math.min(low, point.value);
    high = Math.max(high, point.value);
  }
  const span = high - low || 1;
  const x = (at: number) => ((at - fromMs) / (toMs - fromMs)) * (width - 2) + 1;
  const y = (minor: number) => 1.5 + (1 - (minor - low) / span) * (height - 3);
  const coordinates = points.map((point) => `${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`);
  const last = points.at(-1);
  svg.append(s('polyline', { class: 'sparkline-line', points: coordinates.join(' ') }));
  if (last) svg.append(s('circle', { class: 'sparkline-dot', cx: x(last.at), cy: y(last.value), r: 2 }));
  return svg;
}
