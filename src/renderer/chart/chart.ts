/**
 * Balance over time as hand-written SVG. No chart library: one line, two threshold rules and
 * a few markers do not justify the bundle weight, and SVG text stays crisp, selectable and
 * themeable from CSS. Points are thinned to the plot's pixel width first (downsample.ts).
 */
import type { Locale, Translate } from '../../shared/i18n/index.js';
import { amountToNumber, formatMoney } from '../../shared/money.js';
import type { HistoryEntry } from '../../shared/types.js';
import { s, uniqueId } from '../dom.js';
import { formatShortMoment } from '../format.js';
import { downsample, pointsInRange, topUpsInRange } from './downsample.js';

export interface ChartOptions {
  entries: readonly HistoryEntry[];
  fromMs: number;
  toMs: number;
  width: number;
  height: number;
  /** Exact decimal strings; drawn through amountToNumber, labelled as they are. */
  low: string | null;
  critical: string | null;
  currency: string;
  locale: Locale;
  t: Translate;
}

const MARGIN = { top: 12, right: 16, bottom: 28, left: 104 };

export function renderChart(options: ChartOptions): SVGSVGElement {
  const { width, height, fromMs, toMs, currency, locale, t } = options;
  const plotWidth = Math.max(1, Math.round(width - MARGIN.left - MARGIN.right));
  const plotHeight = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const points = downsample(pointsInRange(options.entries, fromMs, toMs), fromMs, toMs, plotWidth);
  const titleId = uniqueId('chart-title');
  const svg = s('svg', {
    class: 'chart',
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': titleId,
  });
  const money = (amount: string) => formatMoney(amount, currency, locale);
  // Grid lines fall between amounts: a drawn position, labelled to the cent.
  const gridMoney = (value: number) => money(value.toFixed(2));

  if (points.length === 0) {
    svg.append(
      s('title', { id: titleId }, t('window.chart.empty')),
      s(
        'text',
        { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty' },
        t('window.chart.empty'),
      ),
    );
    return svg;
  }

  let lowest = points[0] as (typeof points)[number];
  let highest = lowest;
  for (const point of points) {
    if (point.value < lowest.value) lowest = point;
    if (point.value > highest.value) highest = point;
  }
  let low = lowest.value;
  let high = highest.value;
  for (const threshold of [options.low, options.critical]) {
    if (threshold === null) continue;
    low = Math.min(low, amountToNumber(threshold));
    high = Math.max(high, amountToNumber(threshold));
  }
  const pad = Math.max(1, (high - low) * 0.08);
  low -= pad;
  high += pad;
  const x = (at: number) => MARGIN.left + ((at - fromMs) / Math.max(1, toMs - fromMs)) * plotWidth;
  const y = (value: number) => MARGIN.top + (1 - (value - low) / (high - low)) * plotHeight;

  svg.append(
    s(
      'title',
      { id: titleId },
      t('window.chart.summary', {
        from: formatShortMoment(fromMs, locale, true),
        to: formatShortMoment(toMs, locale, true),
        lowest: money(lowest.balance),
        highest: money(highest.balance),
      }),
    ),
  );

  const grid = s('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  for (let step = 0; step <= 3; step += 1) {
    const value = high - ((high - low) * step) / 3;
    const lineY = y(value);
    grid.append(
      s('line', { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: lineY, y2: lineY }),
      s('text', { x: MARGIN.left - 6, y: lineY + 4, 'text-anchor': 'end' }, gridMoney(value)),
    );
  }
  const withTime = toMs - fromMs <= 2 * 86_400_000;
  const ticks: [number, 'start' | 'middle' | 'end'][] = [
    [fromMs, 'start'],
    [(fromMs + toMs) / 2, 'middle'],
    [toMs, 'end'],
  ];
  for (const [at, anchor] of ticks) {
    grid.append(s('text', { x: x(at), y: height - 8, 'text-anchor': anchor }, formatShortMoment(at, locale, withTime)));
  }
  svg.append(grid);

  const rules: [string | null, 'low' | 'critical'][] = [
    [options.low, 'low'],
    [options.critical, 'critical'],
  ];
  for (const [threshold, kind] of rules) {
    if (threshold === null) continue;
    const ruleY = y(amountToNumber(threshold));
    svg.append(
      s(
        'g',
        { class: `chart-threshold chart-${kind}`, 'data-threshold': kind },
        s('line', { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: ruleY, y2: ruleY }),
        s(
          'text',
          { x: MARGIN.left + plotWidth - 4, y: ruleY - 4, 'text-anchor': 'end' },
          t(`window.chart.${kind}`, { amount: money(threshold) }),
        ),
      ),
    );
  }

  const coordinates = points.map((point) => `${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`);
  svg.append(s('polyline', { class: 'chart-line', points: coordinates.join(' '), 'data-points': points.length }));

  const marks = s('g', { class: 'chart-topups' });
  for (const entry of topUpsInRange(options.entries, fromMs, toMs, plotWidth)) {
    const cx = x(entry.firstAt);
    const cy = y(amountToNumber(entry.balance));
    marks.append(
      s(
        'path',
        { class: 'chart-topup', d: `M${cx.toFixed(1)},${(cy - 7).toFixed(1)}l6,10h-12z` },
        s(
          'title',
          {},
          t('window.chart.topUp', {
            amount: money(entry.balance),
            when: formatShortMoment(entry.firstAt, locale, true),
          }),
        ),
      ),
    );
  }
  svg.append(marks);
  return svg;
}
