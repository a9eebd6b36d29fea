/**
 * Balance over time as hand-written SVG, scales and ticks from axes.ts. Y ticks are nice
 * numbers with the currency written once, above the axis; the left margin is as wide as the
 * widest label, so large amounts never lose digits. X ticks fall on local hours or days.
 * Threshold labels are spread so they never overlap; top-ups are drawn as markers. Points are
 * thinned to the plot's pixel width first (downsample.ts), so 20,000 readings draw quickly.
 */
import type { Locale, Translate } from '../../shared/i18n/index.js';
import { amountToNumber, formatMoney } from '../../shared/money.js';
import type { HistoryEntry } from '../../shared/types.js';
import { s, uniqueId } from '../dom.js';
import { formatClock, formatShortMoment } from '../format.js';
import { formatTick, spreadLabels, timeTicks, valueAxis } from './axes.js';
import { downsample, pointsInRange, topUpsInRange, type Point } from './downsample.js';

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

export interface ChartDrawing {
  svg: SVGSVGElement;
  /** What is drawn, oldest first: the crosshair walks these. */
  points: Point[];
  x(at: number): number;
  /** Where a value (major units, as drawn) sits. */
  y(value: number): number;
  plot: { left: number; right: number; top: number; bottom: number };
}

const FONT_PX = 12;
const LABEL_GAP = 8;
const TOP = 22;
const RIGHT = 12;
const BOTTOM = 26;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The rendered width of a label, so margins fit the labels instead of a guess. */
function textWidth(text: string): number {
  if (measureContext === undefined) {
    measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measureContext) measureContext.font = `${FONT_PX}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  }
  // Without a canvas (never in a browser), a tabular digit is about 0.62 em.
  return measureContext ? measureContext.measureText(text).width : text.length * FONT_PX * 0.62;
}

export function drawChart(options: ChartOptions): ChartDrawing {
  const { width, height, fromMs, toMs, currency, locale, t } = options;
  const titleId = uniqueId('chart-title');
  const svg = s('svg', {
    class: 'chart',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': titleId,
  });
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const inRange = pointsInRange(options.entries, fromMs, toMs);
  // The axis works in hundredths (whole ticks of a cent); a float here only places pixels.
  const cents = (value: number) => Math.round(value * 100);
  const thresholds = [options.low, options.critical]
    .filter((value): value is string => value !== null)
    .map((value) => cents(amountToNumber(value)));

  let lowest = Infinity;
  let highest = -Infinity;
  let lowestPoint: Point | null = null;
  let highestPoint: Point | null = null;
  for (const point of inRange) {
    if (point.value < lowest) [lowest, lowestPoint] = [point.value, point];
    if (point.value > highest) [highest, highestPoint] = [point.value, point];
  }
  if (inRange.length === 0) {
    svg.append(
      s('title', { id: titleId }, t('window.chart.empty')),
      s(
        'text',
        { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty' },
        t('window.chart.empty'),
      ),
    );
    return { svg, points: [], x: () => 0, y: () => 0, plot: { left: 0, right: width, top: 0, bottom: height } };
  }

  const plotHeight = Math.max(40, height - TOP - BOTTOM);
  const axis = valueAxis(
    Math.min(cents(lowest), ...thresholds),
    Math.max(cents(highest), ...thresholds),
    Math.max(2, Math.floor(plotHeight / 44)),
  );
  const labels = axis.ticks.map((tick) => formatTick(tick, axis.decimals, locale));
  const left = Math.ceil(Math.max(textWidth(currency), ...labels.map(textWidth))) + LABEL_GAP + 4;
  const plot = { left, right: Math.max(left + 40, width - RIGHT), top: TOP, bottom: TOP + plotHeight };
  const plotWidth = plot.right - plot.left;
  const points = downsample(inRange, fromMs, toMs, Math.max(1, Math.round(plotWidth)));
  const x = (at: number) => plot.left + ((at - fromMs) / Math.max(1, toMs - fromMs)) * plotWidth;
  const yCents = (value: number) =>
    plot.top + (1 - (value - axis.low) / Math.max(1, axis.high - axis.low)) * plotHeight;
  const y = (value: number) => yCents(value * 100);

  svg.append(
    s(
      'title',
      { id: titleId },
      t('window.chart.summary', {
        from: formatShortMoment(fromMs, locale, true),
        to: formatShortMoment(toMs, locale, true),
        lowest: money(lowestPoint?.balance ?? '0'),
        highest: money(highestPoint?.balance ?? '0'),
      }),
    ),
  );

  const grid = s('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  grid.append(s('text', { class: 'chart-unit', x: plot.left - LABEL_GAP, y: TOP - 9, 'text-anchor': 'end' }, currency));
  axis.ticks.forEach((tick, index) => {
    const lineY = yCents(tick);
    grid.append(
      s('line', { x1: plot.left, x2: plot.right, y1: lineY, y2: lineY }),
      s(
        'text',
        { x: plot.left - LABEL_GAP, y: lineY + 4, 'text-anchor': 'end', 'data-tick': tick },
        labels[index] ?? '',
      ),
    );
  });
  const wantTicks = Math.max(2, Math.floor(plotWidth / 90));
  let lastRight = -Infinity;
  for (const tick of timeTicks(fromMs, toMs, wantTicks)) {
    const tickX = x(tick.at);
    const label = tick.day ? formatShortMoment(tick.at, locale, false) : formatClock(tick.at, locale);
    const half = textWidth(label) / 2;
    grid.append(s('line', { class: 'chart-vgrid', x1: tickX, x2: tickX, y1: plot.top, y2: plot.bottom }));
    // A label that would leave the chart or touch its neighbour is dropped; the grid line stays.
    if (tickX - half < 0 || tickX + half > width || tickX - half < lastRight + 6) continue;
    lastRight = tickX + half;
    grid.append(
      s(
        'text',
        {
          x: tickX,
          y: height - 8,
          'text-anchor': 'middle',
          class: tick.day ? 'chart-day' : undefined,
          'data-time-tick': tick.at,
        },
        label,
      ),
    );
  }
  svg.append(grid);

  const rules: ['low' | 'critical', string][] = [];
  if (options.low !== null) rules.push(['low', options.low]);
  if (options.critical !== null) rules.push(['critical', options.critical]);
  const labelYs = spreadLabels(
    rules.map(([, value]) => y(amountToNumber(value)) - 4),
    FONT_PX + 3,
    plot.top + FONT_PX,
    plot.bottom - 2,
  );
  rules.forEach(([kind, value], index) => {
    const ruleY = y(amountToNumber(value));
    svg.append(
      s(
        'g',
        { class: `chart-threshold chart-${kind}`, 'data-threshold': kind },
        s('line', { x1: plot.left, x2: plot.right, y1: ruleY, y2: ruleY }),
        s(
          'text',
          // At the left: top-ups and the latest readings, at the right, would cover it.
          { x: plot.left + 4, y: labelYs[index], 'text-anchor': 'start', class: 'chart-threshold-label' },
          t(`window.chart.${kind}`, { amount: money(value) }),
        ),
      ),
    );
  });

  if (points.length === 1) {
    const [only] = points as [Point];
    svg.append(
      s('circle', { class: 'chart-dot', cx: x(only.at), cy: y(only.value), r: 4 }),
      s(
        'text',
        { class: 'chart-note', x: (plot.left + plot.right) / 2, y: plot.top + 14, 'text-anchor': 'middle' },
        t('window.chart.one'),
      ),
    );
  } else {
    const coordinates = points.map((point) => `${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`);
    svg.append(s('polyline', { class: 'chart-line', points: coordinates.join(' '), 'data-points': points.length }));
  }

  const marks = s('g', { class: 'chart-topups' });
  for (const entry of topUpsInRange(options.entries, fromMs, toMs, Math.round(plotWidth))) {
    const cx = x(entry.firstAt);
    const cy = y(amountToNumber(entry.balance));
    marks.append(
      s('line', { class: 'chart-topup-rule', x1: cx, x2: cx, y1: plot.top, y2: plot.bottom }),
      s(
        'path',
        { class: 'chart-topup', d: `M${cx.toFixed(1)},${(cy - 9).toFixed(1)}l5.5,8h-11z`, 'data-topup': entry.firstAt },
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
  return { svg, points, x, y, plot };
}

/** The chart as one SVG element (what the benchmark times). */
export function renderChart(options: ChartOptions): SVGSVGElement {
  return drawChart(options).svg;
}
